package org.anjian.hazard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every act in every state: the allowed ones move the hazard as the state diagram says, the others are refused. */
class HazardTransitionTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

	/** An official act, named, with the state it leads to. */
	record Act(String name, HazardStatus target, Consumer<Hazard> perform) {

		@Override
		public String toString() {
			return name;
		}
	}

	static final List<Act> ACTS = List.of(
			new Act("orderRectification", HazardStatus.RECTIFYING, h -> h.orderRectification(TODAY.plusDays(30), TODAY)),
			new Act("submitEvidence", HazardStatus.SUBMITTED, h -> h.submitEvidence("已加装接地线", Instant.now())),
			new Act("verify", HazardStatus.VERIFIED, h -> h.verify("officer", "接地线已加装", Instant.now())),
			new Act("failReinspection", HazardStatus.RECTIFYING, h -> h.failReinspection(TODAY.plusDays(15), TODAY, "接地电阻仍超标")));

	static Hazard in(HazardStatus status) {
		return new Hazard(1L, "310107", null, "310107", "91310107MA1G8XXXXX", null, null, "配电箱未接地", null, false, status,
				Instant.parse("2026-11-01T02:00:00Z"), TODAY.plusDays(10), null, null, null, null, null, 0);
	}

	static Stream<Arguments> everyActInEveryState() {
		List<Arguments> cases = new ArrayList<>();
		for (HazardStatus from : HazardStatus.values()) {
			for (Act act : ACTS) {
				boolean allowed = from.allows(act.target())
						&& !(act.name().equals("orderRectification") && from != HazardStatus.FOUND)
						&& !(act.name().equals("failReinspection") && from != HazardStatus.SUBMITTED);
				cases.add(Arguments.of(from, act, allowed));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{1} from {0}: allowed {2}")
	@MethodSource("everyActInEveryState")
	void movesOnlyAsTheStateDiagramAllows(HazardStatus from, Act act, boolean allowed) {
		Hazard hazard = in(from);
		if (allowed) {
			act.perform().accept(hazard);
			assertThat(hazard.status()).isEqualTo(act.target());
		}
		else {
			assertThatThrownBy(() -> act.perform().accept(hazard)).isInstanceOf(InvalidTransitionException.class)
				.hasMessageContaining(from.label());
			assertThat(hazard.status()).as("a refused act changes nothing").isEqualTo(from);
		}
	}

	@Test
	void theDiagramAllowsExactlyTheFourMoves() {
		int moves = 0;
		for (HazardStatus status : HazardStatus.values()) {
			moves += status.next().size();
		}
		assertThat(moves).isEqualTo(4);
		assertThat(HazardStatus.VERIFIED.next()).as("a closed hazard stays closed").isEmpty();
	}

	@Test
	void rejectsADeadlineThatIsNotInTheFuture() {
		Hazard hazard = in(HazardStatus.FOUND);
		assertThatThrownBy(() -> hazard.orderRectification(TODAY, TODAY)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("整改期限");
		assertThat(hazard.status()).isEqualTo(HazardStatus.FOUND);
	}

	@Test
	void overdueIsDerivedFromTheDeadlineAndTheDay() {
		Hazard hazard = in(HazardStatus.FOUND);
		hazard.orderRectification(TODAY.plusDays(30), TODAY);
		assertThat(hazard.overdueOn(TODAY.plusDays(30))).isFalse();
		assertThat(hazard.overdueOn(TODAY.plusDays(31))).isTrue();
		hazard.submitEvidence("已加装接地线", Instant.now());
		assertThat(hazard.overdueOn(TODAY.plusDays(31))).as("submitted for re-inspection").isFalse();
	}
}
