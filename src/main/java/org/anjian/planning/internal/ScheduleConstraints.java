package org.anjian.planning.internal;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;

/**
 * The rules of a plan's schedule for the solver. Hard: a trip takes no more inspections than a team does in a day;
 * no officer inspects an enterprise he inspected last year or declared a conflict of interest with; two
 * inspections of one enterprise lie {@value ScheduleProblem#DAYS_BETWEEN_INSPECTIONS_OF_ONE_ENTERPRISE} days apart.
 * (Availability, days per month and the lead inspector are built into the trips.) Soft, in metres driven or their
 * equivalent: kilometres of each team-day; the spread of inspections over officers and over months; a campaign's
 * inspections outside its period.
 */
public class ScheduleConstraints implements ConstraintProvider {

	/** What one unit of an officer's squared workload weighs against a metre driven. */
	static final long WORKLOAD_WEIGHT = 200;
	/** What one unit of a month's squared count weighs. */
	static final long MONTH_WEIGHT = 1;
	/** An inspection outside its campaign's period weighs as much as 50 km driven. */
	static final long OUTSIDE_CAMPAIGN = 50_000;

	@Override
	public Constraint[] defineConstraints(ConstraintFactory factory) {
		return new Constraint[] { tripCapacity(factory), excludedOfficer(factory), enterpriseGap(factory),
				distance(factory), officerWorkload(factory), monthSpread(factory), campaignPeriod(factory) };
	}

	Constraint tripCapacity(ConstraintFactory factory) {
		return factory.forEach(Trip.class)
			.filter(trip -> trip.load() > trip.capacity())
			.penalizeLong(HardSoftLongScore.ONE_HARD, trip -> trip.load() - trip.capacity())
			.asConstraint("超过每日检查户数");
	}

	Constraint excludedOfficer(ConstraintFactory factory) {
		return factory.forEach(PlannedVisit.class)
			.filter(PlannedVisit::excludedFromTrip)
			.penalize(HardSoftLongScore.ONE_HARD)
			.asConstraint("轮换或回避");
	}

	Constraint enterpriseGap(ConstraintFactory factory) {
		return factory.forEachUniquePair(PlannedVisit.class, Joiners.equal(PlannedVisit::uscc),
				Joiners.filtering((a, b) -> a.repeated()))
			.filter((a, b) -> Math.abs(a.getTrip().epochDay() - b.getTrip().epochDay())
					< ScheduleProblem.DAYS_BETWEEN_INSPECTIONS_OF_ONE_ENTERPRISE)
			.penalize(HardSoftLongScore.ONE_HARD)
			.asConstraint("同一企业两次检查间隔不足");
	}

	Constraint distance(ConstraintFactory factory) {
		return factory.forEach(Trip.class)
			.filter(trip -> trip.load() > 0)
			.penalizeLong(HardSoftLongScore.ONE_SOFT, Trip::metres)
			.asConstraint("行驶里程");
	}

	Constraint officerWorkload(ConstraintFactory factory) {
		return factory.forEach(PlannedVisit.class)
			.flattenLast(visit -> visit.getTrip().officers())
			.groupBy(officer -> officer, ConstraintCollectors.count())
			.penalizeLong(HardSoftLongScore.ONE_SOFT, (officer, count) -> WORKLOAD_WEIGHT * count * count)
			.asConstraint("人员工作量均衡");
	}

	Constraint monthSpread(ConstraintFactory factory) {
		return factory.forEach(PlannedVisit.class)
			.groupBy(visit -> visit.getTrip().month(), ConstraintCollectors.count())
			.penalizeLong(HardSoftLongScore.ONE_SOFT, (month, count) -> MONTH_WEIGHT * count * count)
			.asConstraint("月度均衡");
	}

	Constraint campaignPeriod(ConstraintFactory factory) {
		return factory.forEach(PlannedVisit.class)
			.filter(PlannedVisit::outsidePeriod)
			.penalizeLong(HardSoftLongScore.ONE_SOFT, visit -> OUTSIDE_CAMPAIGN)
			.asConstraint("专项检查时段");
	}
}
