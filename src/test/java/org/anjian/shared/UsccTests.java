package org.anjian.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsccTests {

	/** Published codes of Shanghai companies: 宝钢股份, 上海石化, 上港集团, 浦发银行, 上汽集团. */
	@ParameterizedTest
	@ValueSource(strings = { "91310000631696382C", "91310000132212291W", "913100001322075806", "9131000013221158XC",
			"91310000132200821H" })
	void acceptsRealShanghaiCompanyCodes(String code) {
		assertThat(Uscc.of(code).value()).isEqualTo(code);
		assertThat(Uscc.of(code).areaCode()).isEqualTo("310000");
	}

	@Test
	void normalisesLowerCaseAndSpaces() {
		assertThat(Uscc.of(" 9131000013221158xc ").value()).isEqualTo("9131000013221158XC");
	}

	@Test
	void rejectsOneChangedCharacterNamingTheExpectedCheckCharacter() {
		assertThatThrownBy(() -> Uscc.of("91310000631696383C"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("校验位错误")
			.hasMessageContaining("第18位应为“" + Uscc.checkCharacter("91310000631696383") + "”");
	}

	@Test
	void rejectsWrongCheckCharacterNamingTheRightOne() {
		assertThatThrownBy(() -> Uscc.of("91310000631696382D")).hasMessageContaining("第18位应为“C”");
	}

	@Test
	void rejectsSeventeenCharacters() {
		assertThatThrownBy(() -> Uscc.of("91310000631696382")).hasMessageContaining("应为18位，收到17位");
	}

	@ParameterizedTest
	@ValueSource(strings = { "I", "O", "S", "V", "Z" })
	void rejectsLettersOutsideTheAlphabet(String letter) {
		assertThatThrownBy(() -> Uscc.of("9131000063169638" + letter + "C"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("第17位“" + letter + "”不是允许的字符");
	}

	@Test
	void rejectsBlank() {
		assertThatThrownBy(() -> Uscc.of(" ")).hasMessageContaining("不能为空");
	}
}
