package org.anjian.planning.internal;

import java.util.List;
import java.util.Optional;

import org.anjian.planning.AnnualPlan;
import org.anjian.planning.ItemCategory;
import org.anjian.planning.PlanComposition;
import org.anjian.planning.PlanItem;
import org.anjian.planning.PlanSchedule;
import org.anjian.planning.Planning;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.work.BackgroundWork;
import org.anjian.shared.work.Work;
import org.anjian.shared.work.WorkStatus;
import org.springframework.stereotype.Component;

/**
 * The long acts on a draft's items — composing (编制) and scheduling (排期) — as background runs: one at a time per
 * plan, whichever it is, since each rewrites what the other reads; started from the plan's page (answered at once,
 * polled for progress) or done while an API client waits, claimed the same way, so neither runs twice. Submitting
 * the plan waits until the run has ended ({@link #refuseWhileRunning}).
 */
@Component
public class PlanWork {

	/** One kind for both acts: the unique run per kind and subject keeps them from overlapping on one plan. */
	public static final String KIND = "planning.plan-items";

	private final BackgroundWork works;
	private final PlanComposition composition;
	private final PlanSchedule schedule;
	private final Planning planning;

	PlanWork(BackgroundWork works, PlanComposition composition, PlanSchedule schedule, Planning planning) {
		this.works = works;
		this.planning = planning;
		this.composition = composition;
		this.schedule = schedule;
	}

	@Authorized(Act.DRAFT_PLAN)
	public Work startComposing(AnnualPlan plan) {
		plan.requireDraft("编制");
		return works.start(KIND, subject(plan.id()), label("编制", plan), plan.districtCode(), plan.streetCode(),
				progress -> composed(composition.compose(plan.id(), progress), planning.items(plan.id())));
	}

	@Authorized(Act.DRAFT_PLAN)
	public PlanComposition.Composition compose(AnnualPlan plan) {
		return works.run(KIND, subject(plan.id()), label("编制", plan), plan.districtCode(), plan.streetCode(),
				progress -> composition.compose(plan.id(), progress), c -> composed(c, planning.items(plan.id())));
	}

	@Authorized(Act.DRAFT_PLAN)
	public Work startScheduling(AnnualPlan plan) {
		plan.requireDraft("排期");
		return works.start(KIND, subject(plan.id()), label("排期", plan), plan.districtCode(), plan.streetCode(),
				progress -> scheduled(schedule.schedule(plan.id(), PlanSchedule.Method.SOLVER, progress)));
	}

	@Authorized(Act.DRAFT_PLAN)
	public PlanSchedule.Result schedule(AnnualPlan plan) {
		return works.run(KIND, subject(plan.id()), label("排期", plan), plan.districtCode(), plan.streetCode(),
				progress -> schedule.schedule(plan.id(), PlanSchedule.Method.SOLVER, progress), PlanWork::scheduled);
	}

	/** The plan's run to show on its page: the one named (once it is this plan's), else the one in progress. */
	public Optional<Work> shown(long planId, Long named) {
		if (named != null) {
			try {
				Work run = works.find(named);
				if (KIND.equals(run.kind()) && subject(planId).equals(run.subject())) {
					return Optional.of(run);
				}
			}
			catch (NotFoundException e) {
				// a run out of reach, or none: the plan's run in progress is shown
			}
		}
		return works.running(KIND, subject(planId));
	}

	/** Refuses an act on the plan while its items are being composed or scheduled. */
	public static void refuseWhileRunning(BackgroundWork works, long planId, String act) {
		works.running(KIND, subject(planId)).ifPresent(run -> {
			throw new InvalidTransitionException(WorkStatus.RUNNING.name(), act,
					"“" + run.label() + "”正在进行中，完成后才能" + act);
		});
	}

	/** What composing made, counted as the plan's page counts it: every category, in the page's order. */
	static String composed(PlanComposition.Composition c, List<PlanItem> items) {
		StringBuilder made = new StringBuilder("已编制：");
		ItemCategory.count(items).forEach((category, n) -> made.append(category.label()).append(' ').append(n).append(" 户，"));
		return made + "计入本计划 " + items.stream().filter(PlanItem::counted).count() + " 户（年度能力 " + c.capacity() + " 户"
				+ (c.overCapacity() ? "，已超出能力" : "") + "）";
	}

	static String scheduled(PlanSchedule.Result r) {
		return "已排期：" + r.scheduled() + " 项检查已安排日期和两名执法人员（主办人带队），预计行驶 " + r.km() + " 公里，每人 "
				+ r.minLoad() + "–" + r.maxLoad() + " 项" + r.unavoidable();
	}

	private static String subject(long planId) {
		return Long.toString(planId);
	}

	private static String label(String act, AnnualPlan plan) {
		return act + " " + plan.year() + " 年度计划";
	}
}
