package org.anjian.penalty.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Sums in Chinese capitals as a decision writes them beside the figures: a zero inside written once, none at the end. */
class AmountInWordsTests {

	@ParameterizedTest
	@CsvSource({ "0, 零元整", "200, 贰佰元整", "3000, 叁仟元整", "10, 壹拾元整", "1005, 壹仟零伍元整", "10500, 壹万零伍佰元整",
			"30000, 叁万元整", "69000, 陆万玖仟元整", "100200, 壹拾万零贰佰元整", "1000000, 壹佰万元整",
			"12345678, 壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元整", "100000001, 壹亿零壹元整", "200000000, 贰亿元整" })
	void writesTheSumInCapitals(long yuan, String words) {
		assertThat(AmountInWords.of(yuan)).isEqualTo(words);
	}
}
