package org.anjian.planning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.anjian.audit.AuditTrail;
import org.anjian.enterprise.RiskTag;
import org.anjian.enterprise.Sector;
import org.anjian.organization.Jurisdiction;
import org.anjian.organization.Jurisdictions;
import org.anjian.planning.AnnualPlan;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.JurisdictionLevel;
import org.anjian.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The special campaigns (专项检查) of a plan: added to and removed from a draft only, then applied when the
 * draft is composed ({@link PlanComposition}). A campaign names its targets by the enterprise's sector, industry
 * code prefix, risk tags and street, within the plan's body's jurisdiction.
 */
@Service
public class PlanCampaigns {

	private static final Pattern INDUSTRY_PREFIX = Pattern.compile("[A-Z0-9]{1,5}");

	private final PlanStore store;
	private final Jurisdictions jurisdictions;
	private final JdbcClient jdbc;
	private final AuditTrail audit;

	PlanCampaigns(PlanStore store, Jurisdictions jurisdictions, JdbcClient jdbc, AuditTrail audit) {
		this.store = store;
		this.jurisdictions = jurisdictions;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** A plan's campaigns in the order added (the first that reaches an enterprise claims its item). */
	public List<Campaign> campaigns(long planId) {
		store.plan(planId);
		return jdbc.sql("""
				select c.*, (select count(*) from plan_item i where i.campaign_id = c.id) as items
				from plan_campaign c where c.plan_id = :plan order by c.id""")
			.param("plan", planId).query(PlanCampaigns::campaign).list();
	}

	public Campaign campaign(long planId, long campaignId) {
		return find(planId, campaignId).orElseThrow(
				() -> new NotFoundException("专项检查 " + campaignId + " 不存在或不在您的管辖范围内"));
	}

	/** The streets a campaign of this plan may name: the city's, a district's own, or a street body's one. */
	public List<Jurisdiction> streets(long planId) {
		AnnualPlan plan = store.plan(planId);
		switch (plan.bodyLevel()) {
			case CITY:
				List<Jurisdiction> all = new ArrayList<>();
				jurisdictions.districts().forEach(d -> all.addAll(jurisdictions.streetsOf(d.code())));
				return all;
			case DISTRICT:
				return jurisdictions.streetsOf(plan.districtCode());
			default:
				return jurisdictions.findById(plan.streetCode()).map(List::of).orElse(List.of());
		}
	}

	/** Adds a campaign to a draft; the draft must be composed again for it to reach the items. */
	@Authorized(Act.PLAN_CAMPAIGN)
	@Transactional
	public Campaign add(long planId, CampaignForm form) {
		audit.describe(PlanningAction.PLAN_CAMPAIGN_ADD);
		AnnualPlan plan = store.plan(planId);
		plan.requireDraft("设置专项检查");
		if (form == null) {
			throw new InvalidInputException("name", "请填写专项检查的名称、月份和检查事项");
		}
		String name = form.name() == null ? "" : form.name().trim();
		if (name.isEmpty()) {
			throw new InvalidInputException("name", "请填写专项检查名称，例如“有限空间作业专项检查”");
		}
		if (name.length() > 100) {
			throw new InvalidInputException("name", "专项检查名称不能超过 100 个字");
		}
		int starts = month(form.startsMonth(), "startsMonth", "开始月份");
		int ends = month(form.endsMonth(), "endsMonth", "结束月份");
		if (ends < starts) {
			throw new InvalidInputException("endsMonth", "结束月份不能早于开始月份（" + starts + " 月）");
		}
		List<String> matters = cleaned(form.matters());
		if (matters.isEmpty()) {
			throw new InvalidInputException("matters", "请至少填写一项专项检查事项");
		}
		List<String> sectors = among(form.sectors(), "sectors", "行业领域", names(Sector.values()));
		List<String> tags = among(form.riskTags(), "riskTags", "风险标签", names(RiskTag.values()));
		List<String> prefixes = new ArrayList<>();
		for (String prefix : cleaned(form.industryPrefixes())) {
			String p = prefix.toUpperCase();
			if (!INDUSTRY_PREFIX.matcher(p).matches()) {
				throw new InvalidInputException("industryPrefixes",
						"行业代码前缀“" + prefix + "”无效：只能由字母和数字组成（GB/T 4754 门类字母或大类代码，例如 C、C34 或 34），不超过 5 位");
			}
			prefixes.add(p);
		}
		List<String> streets = cleaned(form.streetCodes());
		for (String street : streets) {
			if (!inJurisdiction(plan, street)) {
				throw new InvalidInputException("streetCodes", "街镇代码“" + street + "”不是本执法主体辖区内的街镇");
			}
		}
		long id;
		try {
			id = jdbc.sql("""
					insert into plan_campaign (plan_id, district_code, street_code, name, sectors, industry_prefixes,
					    risk_tags, street_codes, starts_month, ends_month, matters, created_by)
					values (:plan, :district, :street, :name, :sectors, :prefixes, :tags, :streets, :starts, :ends,
					    :matters, coalesce(nullif(current_setting('anjian.actor', true), ''), session_user::text))
					returning id""")
				.param("plan", planId).param("district", plan.districtCode()).param("street", plan.streetCode())
				.param("name", name).param("sectors", sectors.toArray(String[]::new))
				.param("prefixes", prefixes.toArray(String[]::new)).param("tags", tags.toArray(String[]::new))
				.param("streets", streets.toArray(String[]::new)).param("starts", starts).param("ends", ends)
				.param("matters", matters.toArray(String[]::new))
				.query(Long.class).single();
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInputException("name", "本计划已有名为“" + name + "”的专项检查，请换一个名称");
		}
		return campaign(planId, id);
	}

	/**
	 * Removes a campaign from a draft with the items it made; the items it only extended lose the link to it
	 * (their added matters stay until the draft is composed again).
	 */
	@Authorized(Act.PLAN_CAMPAIGN)
	@Transactional
	public void remove(long planId, long campaignId) {
		audit.describe(PlanningAction.PLAN_CAMPAIGN_REMOVE);
		AnnualPlan plan = store.plan(planId);
		plan.requireDraft("删除专项检查");
		Campaign campaign = campaign(planId, campaignId);
		jdbc.sql("delete from plan_item where campaign_id = :id and kind = 'TARGETED' and purpose = :purpose")
			.param("id", campaignId).param("purpose", "专项检查：" + campaign.name()).update();
		jdbc.sql("update plan_item set campaign_id = null where campaign_id = :id").param("id", campaignId).update();
		jdbc.sql("delete from plan_campaign where id = :id").param("id", campaignId).update();
	}

	private Optional<Campaign> find(long planId, long campaignId) {
		return jdbc.sql("""
				select c.*, (select count(*) from plan_item i where i.campaign_id = c.id) as items
				from plan_campaign c where c.plan_id = :plan and c.id = :id""")
			.param("plan", planId).param("id", campaignId).query(PlanCampaigns::campaign).optional();
	}

	/** A city body may name any street of the city; a district its own streets; a street only itself. */
	private boolean inJurisdiction(AnnualPlan plan, String code) {
		Optional<Jurisdiction> place = jurisdictions.findById(code);
		if (place.isEmpty() || place.get().level() != JurisdictionLevel.STREET) {
			return false;
		}
		switch (plan.bodyLevel()) {
			case CITY:
				return true;
			case DISTRICT:
				return plan.districtCode().equals(place.get().parentCode());
			default:
				return code.equals(plan.streetCode());
		}
	}

	private static int month(Integer month, String field, String label) {
		if (month == null || month < 1 || month > 12) {
			throw new InvalidInputException(field, "请填写" + label + "，为 1 到 12 之间的月份");
		}
		return month;
	}

	private static List<String> among(List<String> values, String field, String label, Set<String> allowed) {
		List<String> result = cleaned(values);
		for (String value : result) {
			if (!allowed.contains(value)) {
				throw new InvalidInputException(field, label + "“" + value + "”无效，可选：" + String.join("、", allowed));
			}
		}
		return result;
	}

	/** Trimmed, without blanks and repeats, in the order given. */
	private static List<String> cleaned(List<String> values) {
		if (values == null) {
			return List.of();
		}
		Set<String> result = new LinkedHashSet<>();
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				result.add(value.trim());
			}
		}
		return List.copyOf(result);
	}

	private static Set<String> names(Enum<?>[] values) {
		Set<String> names = new LinkedHashSet<>();
		Arrays.stream(values).forEach(v -> names.add(v.name()));
		return names;
	}

	private static Campaign campaign(ResultSet rs, int n) throws SQLException {
		return new Campaign(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("name"),
				List.of(PlanStore.strings(rs.getArray("sectors"))),
				List.of(PlanStore.strings(rs.getArray("industry_prefixes"))),
				List.of(PlanStore.strings(rs.getArray("risk_tags"))), List.of(PlanStore.strings(rs.getArray("street_codes"))),
				rs.getInt("starts_month"), rs.getInt("ends_month"), List.of(PlanStore.strings(rs.getArray("matters"))),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getInt("items"));
	}
}
