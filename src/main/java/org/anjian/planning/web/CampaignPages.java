package org.anjian.planning.web;

import java.util.Arrays;
import java.util.List;

import org.anjian.planning.CampaignForm;
import org.anjian.planning.PlanCampaigns;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
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
		try {
			redirect.addFlashAttribute("done", "已添加专项检查“" + campaigns.add(id, typed.form()).name()
					+ "”，重新编制后列入检查事项");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("campaignRefused", e.getMessage());
			redirect.addFlashAttribute("campaignField", e.field());
			redirect.addFlashAttribute("campaignTyped", typed);
		}
		catch (InvalidTransitionException e) {
			redirect.addFlashAttribute("campaignRefused", e.getMessage());
		}
		return "redirect:/plans/" + id + "#campaigns";
	}

	@PostMapping("/plans/{id}/campaigns/{campaignId}/removal")
	String remove(@PathVariable long id, @PathVariable long campaignId, RedirectAttributes redirect) {
		access.ownBody(id);
		try {
			String name = campaigns.campaign(id, campaignId).name();
			campaigns.remove(id, campaignId);
			redirect.addFlashAttribute("done", "已删除专项检查“" + name + "”及其列入的检查事项，建议重新编制");
		}
		catch (InvalidInputException | InvalidTransitionException e) {
			redirect.addFlashAttribute("campaignRefused", e.getMessage());
		}
		return "redirect:/plans/" + id + "#campaigns";
	}
}
