package org.anjian.penalty.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.anjian.penalty.PenaltyCase;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.Versioned;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The review of one closed case's file (案卷评查): drawn (every major case, a share of the others), then reviewed once
 * by someone who neither filed, investigated nor decided the case, point by point ({@link ReviewPoint}), with a score
 * and its result.
 *
 * <pre>
 *  DRAWN 待评查 ──review──▶ REVIEWED 已评查
 * </pre>
 */
@Table("case_file_review")
public class CaseFileReview implements Versioned {

	public static final int SUMMARY_LENGTH = 2000;
	public static final int NOTE_LENGTH = 500;

	/** Why a case is reviewed. */
	public enum Selection {
		MAJOR("重大案件（全部评查）"), SAMPLED("随机抽取");

		private final String label;

		Selection(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** Where a review stands. */
	public enum Status {
		DRAWN("待评查"), REVIEWED("已评查");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	private @Id Long id;
	private final long drawId;
	private final long caseId;
	private final long bodyId;
	private final String districtCode;
	private final String streetCode;
	private final Selection selection;
	private final String ticket;
	private Status status;
	private String reviewer;
	private LocalDate reviewedOn;
	private String[] points = new String[0];
	private String[] outcomes = new String[0];
	private String[] notes = new String[0];
	private Integer score;
	private ReviewResult result;
	private String summary;
	private @Version Integer version;

	@PersistenceCreator
	CaseFileReview(Long id, long drawId, long caseId, long bodyId, String districtCode, String streetCode,
			Selection selection, String ticket, Status status, Integer version) {
		this.id = id;
		this.drawId = drawId;
		this.caseId = caseId;
		this.bodyId = bodyId;
		this.districtCode = districtCode;
		this.streetCode = streetCode;
		this.selection = selection;
		this.ticket = ticket;
		this.status = status;
		this.version = version;
	}

	/** A case drawn for review; it lies where the case lies. */
	static CaseFileReview drawn(long drawId, PenaltyCase c, CaseFileSampling.Selected selected) {
		return new CaseFileReview(null, drawId, c.id(), c.bodyId(), c.districtCode(), c.streetCode(),
				selected.major() ? Selection.MAJOR : Selection.SAMPLED, selected.ticket(), Status.DRAWN, null);
	}

	/**
	 * 评查: the checklist's findings for this case, by a reviewer who took no part in it; the score and its result
	 * follow from the findings and the settings.
	 */
	void review(PenaltyCase c, String by, List<Finding> findings, String summaryText, ReviewSettings settings,
			LocalDate today) {
		if (status != Status.DRAWN) {
			throw new InvalidTransitionException(status.name(), Status.REVIEWED.name(),
					"案卷当前为“" + status.label() + "”，不能再次评查");
		}
		if (c.id() != caseId) {
			throw new IllegalArgumentException("review " + id + " is of case " + caseId + ", not " + c.id());
		}
		CaseFileReviewPolicy.reviewable(c).orRefuseTransition(c.status().name(), Status.REVIEWED.name());
		CaseFileReviewPolicy.reviewer(by, c).orRefuseInput("reviewer");
		for (Finding finding : findings) {
			if (finding.note().length() > NOTE_LENGTH) {
				throw new InvalidInputException("note-" + finding.point().name(),
						finding.point().label() + "的说明最多 " + NOTE_LENGTH + " 个字符");
			}
		}
		String text = summaryText == null ? "" : summaryText.strip();
		if (text.length() > SUMMARY_LENGTH) {
			throw new InvalidInputException("summary", "评查意见最多 " + SUMMARY_LENGTH + " 个字符");
		}
		points = findings.stream().map(f -> f.point().name()).toArray(String[]::new);
		outcomes = findings.stream().map(f -> f.outcome().name()).toArray(String[]::new);
		notes = findings.stream().map(Finding::note).toArray(String[]::new);
		score = CaseFileReviewPolicy.score(findings);
		result = settings.result(score);
		summary = text.isEmpty() ? null : text;
		reviewer = by;
		reviewedOn = today;
		status = Status.REVIEWED;
	}

	/** The findings recorded, in the checklist's order; none before the review. */
	public List<Finding> findings() {
		List<Finding> findings = new ArrayList<>();
		for (int i = 0; points != null && i < points.length; i++) {
			findings.add(new Finding(ReviewPoint.valueOf(points[i]), Finding.Outcome.valueOf(outcomes[i]), notes[i]));
		}
		return findings;
	}

	/** The points that failed. */
	public List<Finding> failed() {
		return findings().stream().filter(Finding::failed).toList();
	}

	public Long id() {
		return id;
	}

	@Override
	public Integer version() {
		return version;
	}

	public long drawId() {
		return drawId;
	}

	public long caseId() {
		return caseId;
	}

	public long bodyId() {
		return bodyId;
	}

	public String districtCode() {
		return districtCode;
	}

	public String streetCode() {
		return streetCode;
	}

	public Selection selection() {
		return selection;
	}

	public String ticket() {
		return ticket;
	}

	public Status status() {
		return status;
	}

	public String reviewer() {
		return reviewer;
	}

	public LocalDate reviewedOn() {
		return reviewedOn;
	}

	public Integer score() {
		return score;
	}

	public ReviewResult result() {
		return result;
	}

	public String summary() {
		return summary;
	}
}
