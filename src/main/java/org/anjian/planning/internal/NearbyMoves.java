package org.anjian.planning.internal;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractSimplifiedMove;
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Moves that bring neighbours together, so that local search spends its time on moves that can shorten a route:
 * a visit joins the trip of one of its neighbours on the map (its neighbours along the Hilbert curve), either
 * into a free place or by swapping with a visit of that trip. Timefold's own nearby selection is not in its
 * community edition; this is the same idea for this problem.
 */
public class NearbyMoves implements MoveIteratorFactory<ScheduleSolution, Move<ScheduleSolution>> {

	/** Neighbours on each side along the curve. */
	private static final int REACH = 12;

	private List<PlannedVisit> ordered;

	@Override
	public void phaseStarted(ScoreDirector<ScheduleSolution> scoreDirector) {
		ordered = GeographicSeeding.hilbertOrder(scoreDirector.getWorkingSolution().getVisits());
	}

	@Override
	public long getSize(ScoreDirector<ScheduleSolution> scoreDirector) {
		return (long) scoreDirector.getWorkingSolution().getVisits().size() * REACH * 2;
	}

	@Override
	public Iterator<Move<ScheduleSolution>> createOriginalMoveIterator(ScoreDirector<ScheduleSolution> scoreDirector) {
		throw new UnsupportedOperationException("nearby moves are only selected at random");
	}

	@Override
	public Iterator<Move<ScheduleSolution>> createRandomMoveIterator(ScoreDirector<ScheduleSolution> scoreDirector,
			Random random) {
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return ordered.size() > 1;
			}

			@Override
			public Move<ScheduleSolution> next() {
				int i = random.nextInt(ordered.size());
				int j = Math.floorMod(i + 1 + random.nextInt(REACH * 2) - REACH, ordered.size());
				PlannedVisit visit = scoreDirector.lookUpWorkingObject(ordered.get(i));
				PlannedVisit neighbour = scoreDirector.lookUpWorkingObject(ordered.get(j));
				Trip target = neighbour.getTrip();
				if (target == null || target.load() < target.capacity()) {
					return new Join(visit, target);
				}
				List<PlannedVisit> there = target.getVisits();
				PlannedVisit other = there.get(random.nextInt(there.size()));
				return new Swap(visit, other == neighbour && there.size() > 1 ? there.get((there.indexOf(other) + 1) % there.size()) : other);
			}
		};
	}

	/** A visit moves to a trip with a free place. */
	static final class Join extends AbstractSimplifiedMove<ScheduleSolution> {

		private final PlannedVisit visit;
		private final Trip to;

		Join(PlannedVisit visit, Trip to) {
			this.visit = visit;
			this.to = to;
		}

		@Override
		public boolean isMoveDoable(ScoreDirector<ScheduleSolution> scoreDirector) {
			return to != null && visit.getTrip() != to;
		}

		@Override
		protected void doMoveOnGenuineVariables(ScoreDirector<ScheduleSolution> scoreDirector) {
			scoreDirector.beforeVariableChanged(visit, "trip");
			visit.setTrip(to);
			scoreDirector.afterVariableChanged(visit, "trip");
		}

		@Override
		public Collection<?> getPlanningEntities() {
			return List.of(visit);
		}

		@Override
		public Collection<?> getPlanningValues() {
			return List.of(to);
		}

		@Override
		public String toString() {
			return visit.getId() + " -> " + to;
		}
	}

	/** Two visits change trips. */
	static final class Swap extends AbstractSimplifiedMove<ScheduleSolution> {

		private final PlannedVisit a;
		private final PlannedVisit b;

		Swap(PlannedVisit a, PlannedVisit b) {
			this.a = a;
			this.b = b;
		}

		@Override
		public boolean isMoveDoable(ScoreDirector<ScheduleSolution> scoreDirector) {
			return a != b && a.getTrip() != b.getTrip();
		}

		@Override
		protected void doMoveOnGenuineVariables(ScoreDirector<ScheduleSolution> scoreDirector) {
			Trip first = a.getTrip();
			Trip second = b.getTrip();
			scoreDirector.beforeVariableChanged(a, "trip");
			a.setTrip(second);
			scoreDirector.afterVariableChanged(a, "trip");
			scoreDirector.beforeVariableChanged(b, "trip");
			b.setTrip(first);
			scoreDirector.afterVariableChanged(b, "trip");
		}

		@Override
		public Collection<?> getPlanningEntities() {
			return List.of(a, b);
		}

		@Override
		public Collection<?> getPlanningValues() {
			return List.of(a.getTrip(), b.getTrip());
		}

		@Override
		public String toString() {
			return a.getId() + " <-> " + b.getId();
		}
	}
}
