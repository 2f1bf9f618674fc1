package org.anjian.trigger.web;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.organization.Jurisdictions;
import org.anjian.shared.Actor;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.ResultPage;
import org.anjian.shared.web.PageActs;
import org.anjian.shared.web.Pager;
import org.anjian.trigger.internal.AlarmKind;
import org.anjian.trigger.internal.AlarmSource;
import org.anjian.trigger.internal.AlarmSources;
import org.anjian.trigger.internal.TriggerRules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's pages of triggered inspection: the monitoring sources (a new source's API key is shown once,
 * on the page after registering it, and never again) and the trigger rules.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class TriggerAdminPages {

	private final AlarmSources sources;
	private final TriggerRules rules;
	private final Jurisdictions jurisdictions;
	private final CurrentActor actors;

	TriggerAdminPages(AlarmSources sources, TriggerRules rules, Jurisdictions jurisdictions, CurrentActor actors) {
		this.sources = sources;
		this.rules = rules;
		this.jurisdictions = jurisdictions;
		this.actors = actors;
	}

	@GetMapping("/admin/alarm-sources")
	String sources(@RequestParam(required = false) Integer page, Model model, HttpServletRequest request) {
		ResultPage<AlarmSource> all = sources.all(page);
		model.addAttribute("sources", all);
		model.addAttribute("pager", Pager.of(all, request));
		model.addAttribute("districts", jurisdictions.districts());
		model.addAttribute("districtNames", jurisdictions.namesOf(
				all.items().stream().map(AlarmSource::districtCode).filter(Objects::nonNull).toList()));
		return "trigger/sources";
	}

	@PostMapping("/admin/alarm-sources")
	String register(@RequestParam(required = false) String name, @RequestParam(required = false) String districtCode,
			RedirectAttributes redirect) {
		return PageActs.act("/admin/alarm-sources", redirect, () -> {
			AlarmSources.Registered registered = sources.register(name, districtCode, username());
			// shown once, as a flash attribute: it is in no page, log or table afterwards
			redirect.addFlashAttribute("apiKey", registered.apiKey());
			return "已登记监测源“" + registered.source().name() + "”";
		});
	}

	@PostMapping("/admin/alarm-sources/{id}/deactivation")
	String deactivate(@PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		return PageActs.act("/admin/alarm-sources", redirect,
				() -> "已停用监测源“" + sources.deactivate(id, version).name() + "”，其密钥不再有效");
	}

	@GetMapping("/admin/trigger-rules")
	String rules(Model model) {
		model.addAttribute("rules", rules.all());
		model.addAttribute("kinds", Arrays.asList(AlarmKind.values()));
		return "trigger/rules";
	}

	@PostMapping("/admin/trigger-rules")
	String add(@RequestParam(required = false) String kind, @RequestParam(required = false) Integer alarms,
			@RequestParam(required = false) Integer withinDays, RedirectAttributes redirect) {
		return PageActs.act("/admin/trigger-rules", redirect,
				() -> "已新增触发规则：" + rules.add(kind(kind), alarms, withinDays, username()).description());
	}

	@PostMapping("/admin/trigger-rules/{id}")
	String change(@PathVariable long id, @RequestParam(required = false) Integer alarms,
			@RequestParam(required = false) Integer withinDays, @RequestParam(defaultValue = "false") boolean active,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		return PageActs.act("/admin/trigger-rules", redirect, () -> {
			var rule = rules.change(id, alarms, withinDays, active, version);
			return "已保存触发规则：" + rule.description() + (rule.active() ? "（启用）" : "（停用）");
		});
	}

	/** The kind chosen on the form; none counts each kind on its own. */
	private static AlarmKind kind(String kind) {
		if (kind == null || kind.isBlank()) {
			return null;
		}
		try {
			return AlarmKind.valueOf(kind);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("kind", "未知的报警类型");
		}
	}

	private String username() {
		return actors.current().map(Actor::username).orElse("admin");
	}
}
