package org.anjian.shared.command;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandOptionsTests {

	@Test
	void readsKeyValueInBothSpellingsAndFallsBackToTheDefault() {
		CommandOptions options = CommandOptions.parse(List.of("--enterprises", "1_000_000", "--seed=7"), "enterprises", "seed", "runs");
		assertThat(options.longValue("enterprises", 1)).isEqualTo(1_000_000);
		assertThat(options.longValue("seed", 1)).isEqualTo(7);
		assertThat(options.longValue("runs", 5)).isEqualTo(5);
	}

	@Test
	void refusesUnknownOptionsMissingValuesAndNonNumbersInChinese() {
		assertThatThrownBy(() -> CommandOptions.parse(List.of("--size", "3"), "enterprises")).hasMessageContaining("未知参数 --size");
		assertThatThrownBy(() -> CommandOptions.parse(List.of("--enterprises"), "enterprises")).hasMessageContaining("缺少取值");
		assertThatThrownBy(() -> CommandOptions.parse(List.of("many"), "enterprises")).hasMessageContaining("无法识别的参数");
		assertThatThrownBy(() -> CommandOptions.parse(List.of("--enterprises", "many"), "enterprises").longValue("enterprises", 1))
			.hasMessageContaining("应为整数");
	}
}
