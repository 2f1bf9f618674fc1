package org.anjian.planning.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.anjian.planning.internal.ScheduleProblem.Inspection;
import org.anjian.planning.internal.ScheduleProblem.Position;

/**
 * The solver's starting point: inspections in the order of a Hilbert curve through their positions, so that
 * neighbours in the order are neighbours on the map, are cut into runs of a team-day's capacity, and each run goes
 * to one trip: in the least-filled month of the run's period, the trip whose officers have the fewest inspections
 * so far and may take every inspection of the run (among a window of the month's open trips). An inspection no run can place is placed alone; one that no
 * trip can take is left for the solver's construction.
 */
final class GeographicSeeding {

	private static final int WINDOW = 400;

	private GeographicSeeding() {
	}

	static void seed(List<Trip> trips, List<PlannedVisit> visits) {
		if (visits.isEmpty() || trips.isEmpty()) {
			return;
		}
		List<List<Trip>> open = new ArrayList<>();
		int[] capacity = new int[13];
		int[] filled = new int[13];
		for (int month = 0; month <= 12; month++) {
			open.add(new ArrayList<>());
		}
		for (Trip trip : trips) {
			open.get(trip.month()).add(trip);
			capacity[trip.month()] += trip.capacity();
		}
		Map<Trip, Integer> used = new HashMap<>();
		Map<Long, Integer> load = new HashMap<>();
		Map<String, List<LocalDate>> days = new HashMap<>();

		List<PlannedVisit> ordered = hilbertOrder(visits);
		int perTrip = trips.get(0).capacity();
		int i = 0;
		while (i < ordered.size()) {
			List<PlannedVisit> run = new ArrayList<>();
			int from = 1, to = 12;
			while (i < ordered.size() && run.size() < perTrip) {
				Inspection next = ordered.get(i).inspection();
				int f = Math.max(from, next.fromMonth()), t = Math.min(to, next.toMonth());
				if (f > t || run.stream().anyMatch(v -> v.uscc().equals(next.uscc()))) {
					break;
				}
				from = f;
				to = t;
				run.add(ordered.get(i++));
			}
			if (!place(run, from, to, open, capacity, filled, used, load, days)) {
				for (PlannedVisit visit : run) {
					if (!place(List.of(visit), visit.inspection().fromMonth(), visit.inspection().toMonth(), open, capacity,
							filled, used, load, days)) {
						place(List.of(visit), 1, 12, open, capacity, filled, used, load, days);
					}
				}
			}
		}
	}

	private static boolean place(List<PlannedVisit> run, int from, int to, List<List<Trip>> open, int[] capacity,
			int[] filled, Map<Trip, Integer> used, Map<Long, Integer> load, Map<String, List<LocalDate>> days) {
		List<Integer> months = new ArrayList<>();
		for (int m = from; m <= to; m++) {
			if (capacity[m] > 0) {
				months.add(m);
			}
		}
		months.sort(Comparator.comparingDouble(m -> (double) filled[m] / capacity[m]));
		for (int month : months) {
			Trip best = null;
			int bestLoad = Integer.MAX_VALUE;
			List<Trip> candidates = open.get(month);
			// a window of the month's open trips, moving on with each run, bounds the work on large plans
			int size = candidates.size();
			int start = size == 0 ? 0 : Math.floorMod(filled[month] * 31, size);
			for (int k = 0; k < Math.min(size, WINDOW); k++) {
				Trip trip = candidates.get((start + k) % size);
				int l = load.getOrDefault(trip.lead(), 0) + load.getOrDefault(trip.second(), 0);
				if (l < bestLoad && trip.capacity() - used.getOrDefault(trip, 0) >= run.size() && allowed(trip, run, days)) {
					best = trip;
					bestLoad = l;
				}
			}
			if (best != null) {
				for (PlannedVisit visit : run) {
					visit.setTrip(best);
					days.computeIfAbsent(visit.uscc(), k -> new ArrayList<>()).add(best.day());
				}
				load.merge(best.lead(), run.size(), Integer::sum);
				load.merge(best.second(), run.size(), Integer::sum);
				filled[month] += run.size();
				if (used.merge(best, run.size(), Integer::sum) >= best.capacity()) {
					open.get(month).remove(best);
				}
				return true;
			}
		}
		return false;
	}

	private static boolean allowed(Trip trip, List<PlannedVisit> run, Map<String, List<LocalDate>> days) {
		for (PlannedVisit visit : run) {
			if (visit.inspection().excludes(trip.lead()) || visit.inspection().excludes(trip.second())
					|| GreedySchedule.tooClose(days.get(visit.uscc()), trip.day())) {
				return false;
			}
		}
		return true;
	}

	/** Visits along a Hilbert curve over the bounding box of their positions. */
	static List<PlannedVisit> hilbertOrder(List<PlannedVisit> visits) {
		double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
		for (PlannedVisit v : visits) {
			Position p = v.position();
			minX = Math.min(minX, p.x());
			minY = Math.min(minY, p.y());
			maxX = Math.max(maxX, p.x());
			maxY = Math.max(maxY, p.y());
		}
		double span = Math.max(1e-9, Math.max(maxX - minX, maxY - minY));
		int n = 1 << 16;
		Map<PlannedVisit, Long> index = new HashMap<>();
		for (PlannedVisit v : visits) {
			int x = (int) Math.min(n - 1, (v.position().x() - minX) / span * (n - 1));
			int y = (int) Math.min(n - 1, (v.position().y() - minY) / span * (n - 1));
			index.put(v, hilbert(n, x, y));
		}
		List<PlannedVisit> ordered = new ArrayList<>(visits);
		ordered.sort(Comparator.comparingLong(index::get));
		return ordered;
	}

	/** The distance along the Hilbert curve of side n (a power of two) of the cell (x, y). */
	static long hilbert(int n, int x, int y) {
		long d = 0;
		for (int s = n / 2; s > 0; s /= 2) {
			int rx = (x & s) > 0 ? 1 : 0;
			int ry = (y & s) > 0 ? 1 : 0;
			d += (long) s * s * ((3 * rx) ^ ry);
			if (ry == 0) {
				if (rx == 1) {
					x = s - 1 - x;
					y = s - 1 - y;
				}
				int t = x;
				x = y;
				y = t;
			}
		}
		return d;
	}
}
