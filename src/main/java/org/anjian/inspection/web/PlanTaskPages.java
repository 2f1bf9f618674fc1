package org.anjian.inspection.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anjian.inspection.Inspections;
import org.anjian.organization.Organization;
import org.anjian.planning.AnnualPlan;
import org.anjian.planning.PlanStatus;
import org.anjian.planning.Planning;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.web.BackgroundActs;
import org.anjian.shared.work.BackgroundWork;
import org.anjian.shared.work.Work;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Opening the tasks of a published plan (生成检查任务) from the task list: a city's plan holds tens of thousands of
 * items, so the tasks are opened in the background, once per plan at a time; the list shows the run's progress (its
 * fragment, loaded by the list) and, when named in the address, its outcome.
 */
@Controller
@PreAuthorize(InspectionPages.STAFF)
class PlanTaskPages {

	static final String KIND = "inspection.plan-tasks";

	private static final Pattern WORK = Pattern.compile("[?&]work=(\\d{1,18})(?:&|#|$)");

	private final Inspections inspections;
	private final Planning planning;
	private final Organization organization;
	private final InspectionAccess access;
	private final BackgroundWork works;

	PlanTaskPages(Inspections inspections, Planning planning, Organization organization, InspectionAccess access,
			BackgroundWork works) {
		this.inspections = inspections;
		this.planning = planning;
		this.organization = organization;
		this.access = access;
		this.works = works;
	}

	@PostMapping("/inspections/plan-tasks")
	String openPlan(@RequestParam(required = false) Long planId, @RequestParam(required = false) Long bodyId,
			RedirectAttributes redirect) {
		if (bodyId != null && bodyId != access.bodyOrZero()) {
			organization.body(bodyId);
			throw new AccessDeniedException("只能为本执法主体生成检查任务");
		}
		if (planId == null) {
			redirect.addFlashAttribute("refused", "请选择已发布的年度计划");
			return "redirect:/inspections";
		}
		AnnualPlan plan = planning.plan(planId);
		if (plan.bodyId() != access.bodyOrZero()) {
			throw new AccessDeniedException("只能按本执法主体的计划生成检查任务");
		}
		String by = access.actor().username();
		return BackgroundActs.start("/inspections", redirect, () -> {
			if (plan.status() != PlanStatus.PUBLISHED) {
				throw new InvalidInputException("planId", "计划尚未发布，不能据此生成检查任务");
			}
			return works.start(KIND, Long.toString(planId), "按 " + plan.year() + " 年度计划生成检查任务",
					plan.districtCode(), plan.streetCode(), progress -> "已按 " + plan.year() + " 年度计划生成检查任务 "
							+ inspections.openPlan(planId, by, progress) + " 项");
		});
	}

	/**
	 * The runs the task list shows: those of the body's published plans in progress, and the one it names, in its own
	 * address ({@code /inspections?work=17}, which htmx sends as {@code HX-Current-URL}) or in this one's.
	 */
	@GetMapping("/inspections/plan-tasks/runs")
	String runs(@RequestParam(name = "work", required = false) Long work,
			@RequestHeader(name = "HX-Current-URL", required = false) String page, Model model) {
		Long named = work != null ? work : named(page);
		List<Work> runs = new ArrayList<>();
		if (named != null) {
			try {
				Work run = works.find(named);
				if (KIND.equals(run.kind())) {
					runs.add(run);
				}
			}
			catch (NotFoundException e) {
				// another's run, or none: only those in progress are shown
			}
		}
		planning.plans(null).stream()
			.filter(p -> p.status() == PlanStatus.PUBLISHED && p.bodyId() == access.bodyOrZero())
			.forEach(p -> works.running(KIND, Long.toString(p.id()))
				.filter(run -> runs.stream().noneMatch(shown -> shown.id() == run.id()))
				.ifPresent(runs::add));
		model.addAttribute("runs", runs);
		return "inspection/plan-task-runs";
	}

	private static Long named(String page) {
		if (page == null) {
			return null;
		}
		Matcher work = WORK.matcher(page);
		return work.find() ? Long.valueOf(work.group(1)) : null;
	}
}
