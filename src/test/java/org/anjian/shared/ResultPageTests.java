package org.anjian.shared;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultPageTests {

	@Test
	void aCompactPagerShowsAWindowOfFivePagesAroundTheCurrentOneNeverAllThreeThousand() {
		ResultPage<Integer> page = ResultPage.of(List.of(1), 1_700, 20, 68_500);
		assertThat(page.pages()).isEqualTo(3_425);
		assertThat(page.window(2)).containsExactly(1_698, 1_699, 1_700, 1_701, 1_702);
		assertThat(ResultPage.of(List.of(1), 1, 20, 68_500).window(2)).containsExactly(1, 2, 3, 4, 5);
		assertThat(ResultPage.of(List.of(1), 3_425, 20, 68_500).window(2)).containsExactly(3_421, 3_422, 3_423, 3_424, 3_425);
		assertThat(ResultPage.of(List.of(1), 1, 20, 30).window(2)).containsExactly(1, 2);
	}

	@Test
	void aCappedCountOffersTheNextPageWhileThePageIsFullButNoLastPage() {
		ResultPage<Integer> full = new ResultPage<>(Collections.nCopies(20, 1), 3, 20, 10_000, false);
		assertThat(full.hasNext()).isTrue();
		assertThat(full.window(2)).contains(4);
		ResultPage<Integer> partial = new ResultPage<>(Collections.nCopies(5, 1), 3, 20, 45, true);
		assertThat(partial.hasNext()).isFalse();
		assertThat(partial.hasPrevious()).isTrue();
	}

	@Test
	void aMissingOrNegativePageNumberIsTheFirstPage() {
		assertThat(ResultPage.number(null)).isEqualTo(1);
		assertThat(ResultPage.number(-4)).isEqualTo(1);
		assertThat(ResultPage.offset(3, 20)).isEqualTo(40);
	}
}
