package org.anjian.inspection.web;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anjian.enterprise.RiskTag;
import org.anjian.enterprise.Sector;
import org.anjian.inspection.internal.ChecklistItem;
import org.anjian.inspection.internal.ChecklistLibrary;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for the checklist library. Staff read items, their earlier versions, and the items that apply to an
 * enterprise's sector, industry, risk tags and matters; only an administrator creates, revises, deactivates or
 * reactivates one. Items outside the caller's jurisdiction are not found.
 */
@RestController
@Tag(name = "标准化检查表单", description = "检查项库：通用、行业、风险标签、专项检查项及其法律依据、重大事故隐患判定标准、历史版本")
class ChecklistApi {

	static final String STAFF = "hasAnyRole('ADMIN', 'LEADER', 'LEGAL_REVIEWER', 'CITY_OFFICER', 'DISTRICT_OFFICER', 'STREET_OFFICER')";

	private final ChecklistLibrary library;

	ChecklistApi(ChecklistLibrary library) {
		this.library = library;
	}

	/** A revision or a change of use names the version it was made on, so that it never overwrites another. */
	record Revision(ChecklistLibrary.ChecklistForm item, Integer version) {
	}

	record Change(Integer version) {
	}

	@GetMapping("/api/checklists")
	@Operation(summary = "查询检查项", description = "按模块（GENERAL/SECTOR/TAG/CAMPAIGN）、关键词和核对状态查询管辖范围内及全市通用的检查项")
	@PreAuthorize(STAFF)
	List<ChecklistItem> search(@RequestParam(required = false) String module, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status) {
		return library.search(module, q, status);
	}

	@GetMapping("/api/checklists/applicable")
	@Operation(summary = "适用检查项", description = "按行业领域、行业代码、风险标签和执法事项列出适用的在用检查项，按通用、行业、风险标签、专项排序（进一门、查多事）")
	@PreAuthorize(STAFF)
	List<ChecklistItem> applicable(@RequestParam(required = false) String sector,
			@RequestParam(required = false) String industryCode, @RequestParam(required = false) List<String> tags,
			@RequestParam(required = false) List<String> matters) {
		return library.applicable(sector(sector), industryCode, tags(tags), matters);
	}

	@GetMapping("/api/checklists/{id}")
	@Operation(summary = "检查项详情")
	@PreAuthorize(STAFF)
	ChecklistItem item(@PathVariable long id) {
		return library.item(id);
	}

	@GetMapping("/api/checklists/{id}/versions")
	@Operation(summary = "检查项历史版本", description = "每次修订前的内容，新版本在前")
	@PreAuthorize(STAFF)
	List<ChecklistLibrary.Version> versions(@PathVariable long id) {
		return library.versions(id);
	}

	@PostMapping("/api/checklists")
	@Operation(summary = "新增检查项（管理员）", description = "新增的检查项属于管理员的管辖范围；未标明已核对的为待核对")
	@Authorized(Act.KEEP_CHECKLISTS)
	@ResponseStatus(HttpStatus.CREATED)
	ChecklistItem create(@RequestBody ChecklistLibrary.ChecklistForm form) {
		return library.create(form);
	}

	@PutMapping("/api/checklists/{id}")
	@Operation(summary = "修订检查项（管理员）", description = "version 为所修改的版本号；修订生成新版本，原内容存入历史版本")
	@Authorized(Act.KEEP_CHECKLISTS)
	ChecklistItem revise(@PathVariable long id, @RequestBody Revision revision) {
		return library.revise(id, revision.item(), revision.version());
	}

	@PostMapping("/api/checklists/{id}/deactivation")
	@Operation(summary = "停用检查项（管理员）")
	@Authorized(Act.KEEP_CHECKLISTS)
	ChecklistItem deactivate(@PathVariable long id, @RequestBody(required = false) Change change) {
		return library.deactivate(id, change == null ? null : change.version());
	}

	@PostMapping("/api/checklists/{id}/activation")
	@Operation(summary = "恢复使用检查项（管理员）")
	@Authorized(Act.KEEP_CHECKLISTS)
	ChecklistItem reactivate(@PathVariable long id, @RequestBody(required = false) Change change) {
		return library.reactivate(id, change == null ? null : change.version());
	}

	static Sector sector(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Sector.valueOf(value.trim().toUpperCase());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("sector", "行业领域应为 HAZCHEM（危险化学品）或 INDUSTRY_TRADE（工贸），收到：" + value);
		}
	}

	static Set<RiskTag> tags(List<String> values) {
		if (values == null) {
			return Set.of();
		}
		java.util.EnumSet<RiskTag> tags = java.util.EnumSet.noneOf(RiskTag.class);
		for (String v : values) {
			if (v == null || v.isBlank()) {
				continue;
			}
			try {
				tags.add(RiskTag.valueOf(v.trim().toUpperCase()));
			}
			catch (IllegalArgumentException e) {
				throw new InvalidInputException("tags", "未知的风险标签：" + v + "，应为 DUST_EXPLOSION、AMMONIA_REFRIGERATION、"
						+ "CONFINED_SPACE、MOLTEN_METAL、MAJOR_HAZARD_INSTALLATION 或 HAZARDOUS_PROCESS");
			}
		}
		return tags;
	}
}
