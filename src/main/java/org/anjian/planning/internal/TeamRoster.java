package org.anjian.planning.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.anjian.planning.internal.ScheduleProblem.Inspector;
import org.anjian.shared.Sha256;

/**
 * The officer teams of a month and their working days, drawn from the plan's seed as the double-random draw
 * draws enterprises, so that no one picks a partner or a day: each officer's ticket for a month is the hex
 * SHA-256 of {@code seed + "|" + month + "|" + badge}. Month by month, officers are ordered by the months they
 * have worked in a team so far that year, then by ticket; lead inspectors in that order are paired with the
 * other officers in that order; lead inspectors left over pair among themselves; officers left over without a
 * lead inspector stay free that month (the reserve for temporary tasks), and go first the month after. A team works the
 * days both members are present, up to the days per month, taking the days with the lowest tickets
 * {@code SHA-256(seed + "|" + lead badge + "|" + date)}.
 */
public final class TeamRoster {

	/** Two officers who work together in a month; the first is the lead inspector. */
	public record Team(int month, Inspector lead, Inspector second) {
	}

	private TeamRoster() {
	}

	/** The teams of each month of the year, index 0 for January. */
	public static List<List<Team>> teams(String seed, List<Inspector> inspectors) {
		Map<Long, Integer> worked = new HashMap<>();
		List<List<Team>> year = new ArrayList<>();
		for (int month = 1; month <= 12; month++) {
			int m = month;
			Comparator<Inspector> order = Comparator.comparingInt((Inspector i) -> worked.getOrDefault(i.id(), 0))
				.thenComparing(i -> Sha256.hex(seed + "|" + m + "|" + i.badge()));
			List<Inspector> leads = inspectors.stream().filter(Inspector::lead).sorted(order).toList();
			List<Inspector> others = inspectors.stream().filter(i -> !i.lead()).sorted(order).toList();
			List<Team> teams = new ArrayList<>();
			int mixed = Math.min(leads.size(), others.size());
			for (int i = 0; i < mixed; i++) {
				teams.add(new Team(month, leads.get(i), others.get(i)));
			}
			for (int i = mixed; i + 1 < leads.size(); i += 2) {
				teams.add(new Team(month, leads.get(i), leads.get(i + 1)));
			}
			for (Team team : teams) {
				worked.merge(team.lead().id(), 1, Integer::sum);
				worked.merge(team.second().id(), 1, Integer::sum);
			}
			year.add(teams);
		}
		return year;
	}

	/** Every team's trips of the year, numbered from 0. */
	public static List<Trip> trips(ScheduleProblem problem) {
		List<Trip> trips = new ArrayList<>();
		List<List<Team>> teams = teams(problem.seed(), problem.inspectors());
		for (int month = 1; month <= 12; month++) {
			List<LocalDate> days = problem.calendar().workingDays(month);
			for (Team team : teams.get(month - 1)) {
				days.stream()
					.filter(d -> team.lead().availableOn(d) && team.second().availableOn(d))
					.sorted(Comparator.comparing(d -> Sha256.hex(problem.seed() + "|" + team.lead().badge() + "|" + d)))
					.limit(problem.daysPerMonth())
					.sorted()
					.forEach(d -> trips.add(new Trip(trips.size(), d, team.lead().id(), team.second().id(),
							problem.perDay(), problem.office())));
			}
		}
		return trips;
	}
}
