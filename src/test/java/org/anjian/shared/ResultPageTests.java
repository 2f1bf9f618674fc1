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

	@Test
	void aListCountedUpToTheCapSaysMoreThanTenThousandAndStillServesThePageAsked() {
		long[] askedUpTo = new long[1];
		ResultPage<Long> page = ResultPage.fetch(3, 20, limit -> {
			askedUpTo[0] = limit;
			return limit; // at least as many rows as asked for
		}, (limit, offset) -> java.util.stream.LongStream.range(offset, offset + limit).boxed().toList());

		assertThat(askedUpTo[0]).isEqualTo(10_001);
		assertThat(page.exact()).isFalse();
		assertThat(page.total()).isEqualTo(10_000);
		assertThat(page.number()).isEqualTo(3);
		assertThat(page.items()).startsWith(40L).hasSize(20);
		assertThat(page.hasNext()).isTrue();
	}

	@Test
	void aPageBeyondTheCapCountsPastItSoThatTheListGoesOnAsFarAsItHasRows() {
		ResultPage<Long> page = ResultPage.fetch(600, 20, limit -> limit,
				(limit, offset) -> java.util.stream.LongStream.range(offset, offset + limit).boxed().toList());

		assertThat(page.number()).isEqualTo(600);
		assertThat(page.total()).isEqualTo(12_000);
		assertThat(page.window(2)).contains(601);
	}

	@Test
	void aPageBeyondTheLastOfAnExactlyCountedListIsTheLastPageAndAnEmptyListHasOneEmptyPage() {
		ResultPage<Long> last = ResultPage.fetch(99, 20, limit -> 45,
				(limit, offset) -> java.util.stream.LongStream.range(offset, Math.min(45, offset + limit)).boxed().toList());
		assertThat(last.exact()).isTrue();
		assertThat(last.number()).isEqualTo(3);
		assertThat(last.items()).containsExactly(40L, 41L, 42L, 43L, 44L);

		ResultPage<Long> empty = ResultPage.fetch(5, 20, limit -> 0, (limit, offset) -> List.of());
		assertThat(empty.number()).isEqualTo(1);
		assertThat(empty.isEmpty()).isTrue();
		assertThat(empty.pages()).isEqualTo(1);
	}

	@Test
	void aSliceOfAListInMemoryIsCountedExactly() {
		List<Integer> all = java.util.stream.IntStream.range(0, 45).boxed().toList();
		assertThat(ResultPage.slice(all, 2, 20).items()).startsWith(20).hasSize(20);
		assertThat(ResultPage.slice(all, 7, 20).items()).containsExactly(40, 41, 42, 43, 44);
		assertThat(ResultPage.slice(all, 7, 20).number()).isEqualTo(3);
		assertThat(ResultPage.slice(List.of(), null, 20).pages()).isEqualTo(1);
	}
}
