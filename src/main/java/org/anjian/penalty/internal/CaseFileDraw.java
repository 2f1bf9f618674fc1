package org.anjian.penalty.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.anjian.shared.Sha256;
import org.anjian.shared.Versioned;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One draw of a body's closed cases of a period for case-file review: its seed, drawn when the draw was made, and
 * the candidate list it drew from, kept so that anyone can repeat it ({@link CaseFileSampling}). Written once; a
 * body's periods do not overlap.
 */
@Table("case_file_draw")
public class CaseFileDraw implements Versioned {

	private @Id Long id;
	private final long bodyId;
	private final String districtCode;
	private final String streetCode;
	private final LocalDate periodFrom;
	private final LocalDate periodTo;
	private final String algorithm;
	private final String seed;
	private final BigDecimal share;
	private final String candidates;
	private final String candidatesSha256;
	private final int majorCount;
	private final int otherCount;
	private final int sampledCount;
	private final String drawnBy;
	private final Instant drawnAt;
	private @Version Integer version;

	@PersistenceCreator
	CaseFileDraw(Long id, long bodyId, String districtCode, String streetCode, LocalDate periodFrom, LocalDate periodTo,
			String algorithm, String seed, BigDecimal share, String candidates, String candidatesSha256, int majorCount,
			int otherCount, int sampledCount, String drawnBy, Instant drawnAt, Integer version) {
		this.id = id;
		this.bodyId = bodyId;
		this.districtCode = districtCode;
		this.streetCode = streetCode;
		this.periodFrom = periodFrom;
		this.periodTo = periodTo;
		this.algorithm = algorithm;
		this.seed = seed;
		this.share = share;
		this.candidates = candidates;
		this.candidatesSha256 = candidatesSha256;
		this.majorCount = majorCount;
		this.otherCount = otherCount;
		this.sampledCount = sampledCount;
		this.drawnBy = drawnBy;
		this.drawnAt = drawnAt;
		this.version = version;
	}

	/** The record of a draw made now from these candidates with this seed. */
	static CaseFileDraw of(long bodyId, String districtCode, String streetCode, LocalDate from, LocalDate to,
			String seed, double share, String candidateText, int majors, int others, int sampled, String by, Instant at) {
		return new CaseFileDraw(null, bodyId, districtCode, streetCode, from, to, CaseFileSampling.VERSION, seed,
				BigDecimal.valueOf(share), candidateText, Sha256.hex(candidateText), majors, others, sampled, by, at, null);
	}

	public Long id() {
		return id;
	}

	@Override
	public Integer version() {
		return version;
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

	public LocalDate periodFrom() {
		return periodFrom;
	}

	public LocalDate periodTo() {
		return periodTo;
	}

	public String algorithm() {
		return algorithm;
	}

	public String seed() {
		return seed;
	}

	public BigDecimal share() {
		return share;
	}

	public String candidates() {
		return candidates;
	}

	public String candidatesSha256() {
		return candidatesSha256;
	}

	public int majorCount() {
		return majorCount;
	}

	public int otherCount() {
		return otherCount;
	}

	public int sampledCount() {
		return sampledCount;
	}

	public String drawnBy() {
		return drawnBy;
	}

	public Instant drawnAt() {
		return drawnAt;
	}
}
