package org.anjian.planning.web;

import java.math.BigDecimal;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.planning.PlanSettings;
import org.anjian.planning.Planning;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.web.PageActs;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editing a draft's settings on its page (计划参数), by the officers of its body. A refused value comes back next
 * to the form, in Chinese, with what was typed kept; a plan past its draft shows its settings read-only.
 */
@Controller
@PreAuthorize("hasAnyRole('CITY_OFFICER', 'DISTRICT_OFFICER', 'STREET_OFFICER')")
class PlanSettingsPages {

	private final Planning planning;
	private final PlanAccess access;

	PlanSettingsPages(Planning planning, PlanAccess access) {
		this.planning = planning;
		this.access = access;
	}

	/** The settings as typed (kept for the form when refused by {@link PageActs}). */
	record Typed(String reserveShare, String sampleRateB, String assistanceRateC, String generalDrawRate,
			String officerDaysPerMonth, String inspectionsPerOfficerDay) {

		PlanSettings settings() {
			return new PlanSettings(number(reserveShare, "reserveShare", "临时任务预留比例"),
					number(sampleRateB, "sampleRateB", "B级重点抽查比例"),
					number(assistanceRateC, "assistanceRateC", "C级主动帮扶比例"),
					number(generalDrawRate, "generalDrawRate", "一般检查抽取比例"),
					number(officerDaysPerMonth, "officerDaysPerMonth", "每人每月可用天数"),
					number(inspectionsPerOfficerDay, "inspectionsPerOfficerDay", "每人每天检查户数"));
		}

		/** Every value is required on the form: a blank would silently fall back to the default. */
		private static BigDecimal number(String text, String field, String label) {
			if (text == null || text.isBlank()) {
				throw new InvalidInputException(field, "请填写" + label);
			}
			try {
				return new BigDecimal(text.trim());
			}
			catch (NumberFormatException e) {
				throw new InvalidInputException(field, label + "须为数字，例如 0.15，您填写的是“" + text.trim() + "”");
			}
		}
	}

	@PostMapping("/plans/{id}/settings")
	String configure(@PathVariable long id, @RequestParam(required = false) String reserveShare,
			@RequestParam(required = false) String sampleRateB, @RequestParam(required = false) String assistanceRateC,
			@RequestParam(required = false) String generalDrawRate,
			@RequestParam(required = false) String officerDaysPerMonth,
			@RequestParam(required = false) String inspectionsPerOfficerDay,
			@RequestParam(required = false) Integer version, HttpServletRequest request, RedirectAttributes redirect) {
		access.ownBody(id);
		Typed typed = new Typed(reserveShare, sampleRateB, assistanceRateC, generalDrawRate, officerDaysPerMonth,
				inspectionsPerOfficerDay);
		return PlanPageSections.refusedIn(PlanPageSections.SETTINGS, redirect,
				PageActs.act("/plans/" + id + "#settings", redirect, request, () -> {
					planning.configure(id, typed.settings(), version);
					return "计划参数已保存；已编制的草稿请重新编制";
				}));
	}
}
