package org.anjian.planning.web;

import java.util.Arrays;
import java.util.List;

import org.anjian.planning.internal.CampaignForm;
import org.anjian.planning.internal.PlanCampaigns;
import org.anjian.shared.web.PageActs;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The special campaigns (专项检查) section of a plan's page: its authors add a campaign to a draft or remove one.
 * A refused campaign comes back to the form with the reason next to it and what was typed kept.
 */
@Controller
@PreAuthorize("hasAnyRole('CITY_OFFICER', 'DISTRICT_OFFICER', 'STREET_OFFICER')")
class CampaignPages {

	private final PlanCampaigns campaigns;
	private final PlanAccess access;

	CampaignPages(PlanCampaigns campaigns, PlanAccess access) {
		this.campaigns = campaigns;
		this.access = access;
	}

	/** The form as typed: lists of lines or of comma-separated values, months as text. */
	public record Typed(String name, List<String> sectors, String industryPrefixes, List<String> riskTags,
			List<String> streetCodes, String startsMonth, String endsMonth, String matters) implements java.io.Serializable {

		CampaignForm form() {
			return new CampaignForm(name, sectors, split(industryPrefixes, "[,，、\\s]+"), riskTags, streetCodes,
					month(startsMonth), month(endsMonth), split(matters, "\\r?\\n"));
		}

		private static List<String> split(String text, String separators) {
			return text == null ? List.of() : Arrays.asList(text.split(separators));
		}

		/** Not a number is no month: the service then says what a month must be. */
		private static Integer month(String text) {
			try {
				return text == null ? null : Integer.valueOf(text.trim());
			}
			catch (NumberFormatException e) {
				return null;
			}
		}
	}

	@PostMapping("/plans/{id}/campaigns")
	String add(@PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) List<String> sectors, @RequestParam(required = false) String industryPrefixes,
			@RequestParam(required = false) List<String> riskTags, @RequestParam(required = false) List<String> streetCodes,
			@RequestParam(required = false) String startsMonth, @RequestParam(required = false) String endsMonth,
			@RequestParam(required = false) String matters, RedirectAttributes redirect) {
		access.ownBody(id);
		Typed typed = new Typed(name, sectors, industryPrefixes, riskTags, streetCodes, startsMonth, endsMonth, matters);
		String target = PlanPageSections.refusedIn(PlanPageSections.CAMPAIGNS, redirect,
				PageActs.act("/plans/" + id + "#campaigns", redirect,
						() -> "已添加专项检查“" + campaigns.add(id, typed.form()).name() + "”，重新编制后列入检查事项"));
		if (redirect.getFlashAttributes().containsKey("refused")) {
			// what was typed, its lists of choices included, for the form to show again
			redirect.addFlashAttribute("campaignTyped", typed);
		}
		return target;
	}

	@PostMapping("/plans/{id}/campaigns/{campaignId}/removal")
	String remove(@PathVariable long id, @PathVariable long campaignId, RedirectAttributes redirect) {
		access.ownBody(id);
		return PlanPageSections.refusedIn(PlanPageSections.CAMPAIGNS, redirect,
				PageActs.act("/plans/" + id + "#campaigns", redirect, () -> {
					String name = campaigns.campaign(id, campaignId).name();
					campaigns.remove(id, campaignId);
					return "已删除专项检查“" + name + "”及其列入的检查事项，建议重新编制";
				}));
	}
}
