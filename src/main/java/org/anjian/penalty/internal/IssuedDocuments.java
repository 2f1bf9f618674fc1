package org.anjian.penalty.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.anjian.penalty.PenaltyCase;
import org.anjian.penalty.PenaltyDocument.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The documents issued for the cases the caller reaches, with their numbers, and the counters the numbers are taken
 * from: one row per body, kind and year, locked {@code for update} while a number is taken, in the transaction of the
 * act that issues the document (so a rolled-back act gives its number back and none is skipped).
 */
@Repository
public class IssuedDocuments {

	/**
	 * Who issues a case's documents and where their QR code leads: the body's name, its place (where its counters
	 * lie), and the inspection code's token where the case came from an inspection (null: no QR code).
	 */
	public record Letterhead(long bodyId, String issuer, String issuerDistrict, String issuerStreet, String shortName,
			String codeToken) {
	}

	/** One issued document and its number. */
	public record Issued(long id, long caseId, Kind kind, long bodyId, int year, int sequence, String number,
			Letterhead letterhead, LocalDate issuedOn, String issuedBy) {
	}

	private final JdbcClient jdbc;

	IssuedDocuments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Issued> find(long caseId, Kind kind) {
		return jdbc.sql("select * from penalty_document where case_id = :case and kind = :kind")
			.param("case", caseId).param("kind", kind.name())
			.query(IssuedDocuments::issued).optional();
	}

	/** A case's issued documents, in the order issued. */
	public List<Issued> of(long caseId) {
		return jdbc.sql("select * from penalty_document where case_id = :case order by id")
			.param("case", caseId).query(IssuedDocuments::issued).list();
	}

	/** The letterhead the case's first document (that the caller may read) was issued under. */
	public Optional<Letterhead> letterhead(long caseId) {
		return jdbc.sql("select * from penalty_document where case_id = :case order by id limit 1")
			.param("case", caseId).query(IssuedDocuments::issued).optional().map(Issued::letterhead);
	}

	/**
	 * The next number of the body's documents of that kind in that year: the counter row is created when the year's
	 * first is taken, then locked for update until the transaction ends.
	 */
	public int next(Letterhead letterhead, Kind kind, int year) {
		jdbc.sql("""
				insert into penalty_document_counter (body_id, district_code, street_code, kind, year)
				values (:body, :district, :street, :kind, :year)
				on conflict (body_id, kind, year) do nothing""")
			.param("body", letterhead.bodyId()).param("district", letterhead.issuerDistrict())
			.param("street", letterhead.issuerStreet()).param("kind", kind.name()).param("year", year).update();
		long counter = jdbc.sql("""
				select id from penalty_document_counter where body_id = :body and kind = :kind and year = :year
				for update""")
			.param("body", letterhead.bodyId()).param("kind", kind.name()).param("year", year)
			.query(Long.class).single();
		return jdbc.sql("update penalty_document_counter set last = last + 1 where id = :id returning last")
			.param("id", counter).query(Integer.class).single();
	}

	public void add(PenaltyCase c, Kind kind, int year, int sequence, String number, Letterhead letterhead,
			LocalDate on, String by) {
		jdbc.sql("""
				insert into penalty_document (case_id, district_code, street_code, uscc, kind, body_id, year, sequence,
				  number, issuer, issuer_district, issuer_street, issuer_short, code_token, issued_on, issued_by)
				values (:case, :district, :street, :uscc, :kind, :body, :year, :sequence, :number, :issuer,
				  :issuerDistrict, :issuerStreet, :short, :token, :on, :by)""")
			.param("case", c.id()).param("district", c.districtCode()).param("street", c.streetCode())
			.param("uscc", c.uscc()).param("kind", kind.name()).param("body", letterhead.bodyId())
			.param("year", year).param("sequence", sequence).param("number", number)
			.param("issuer", letterhead.issuer()).param("issuerDistrict", letterhead.issuerDistrict())
			.param("issuerStreet", letterhead.issuerStreet()).param("short", letterhead.shortName())
			.param("token", letterhead.codeToken())
			.param("on", on).param("by", by).update();
	}

	private static Issued issued(ResultSet rs, int n) throws SQLException {
		long bodyId = rs.getLong("body_id");
		return new Issued(rs.getLong("id"), rs.getLong("case_id"), Kind.valueOf(rs.getString("kind")), bodyId,
				rs.getInt("year"), rs.getInt("sequence"), rs.getString("number"),
				new Letterhead(bodyId, rs.getString("issuer"), rs.getString("issuer_district"),
						rs.getString("issuer_street"), rs.getString("issuer_short"), rs.getString("code_token")),
				rs.getDate("issued_on").toLocalDate(), rs.getString("issued_by"));
	}
}
