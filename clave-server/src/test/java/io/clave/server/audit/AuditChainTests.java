package io.clave.server.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verification's rules on chains built in memory, so that every kind of tampering can be tried, the newest
 * records removed included (which the shared test database cannot be put back from exactly).
 */
class AuditChainTests {

	@Test
	void aWholeChainVerifies() {
		List<Row> chain = chain(5);
		assertThat(verify(chain, head(chain))).isEqualTo(ChainVerification.whole(5));
		assertThat(verify(List.of(), 0L, ChainCheck.GENESIS)).isEqualTo(ChainVerification.whole(0));
	}

	@Test
	void aChangedFieldIsSeenAtItsRecord() {
		List<Row> chain = chain(5);
		Head head = head(chain);
		for (int field = 0; field < 7; field++) {
			List<Row> changed = new ArrayList<>(chain);
			changed.set(2, chain.get(2).changed(field));
			assertThat(verify(changed, head)).as("field " + field)
				.isEqualTo(ChainVerification.broken(3, 3, ChainVerification.Problem.CHANGED));
		}
	}

	@Test
	void aRecordRecomputedAfterAChangeBreaksTheNextLink() {
		List<Row> chain = chain(5);
		Head head = head(chain);
		List<Row> changed = new ArrayList<>(chain);
		Row forged = chain.get(2).changed(3);
		changed.set(2, forged.rehashed(chain.get(1).hash));
		assertThat(verify(changed, head))
			.isEqualTo(ChainVerification.broken(4, 4, ChainVerification.Problem.NOT_LINKED));
	}

	@Test
	void aRemovedRecordIsSeenAtTheNextOne() {
		List<Row> chain = chain(5);
		Head head = head(chain);
		List<Row> removed = new ArrayList<>(chain);
		removed.remove(2);
		assertThat(verify(removed, head))
			.isEqualTo(ChainVerification.broken(3, 4, ChainVerification.Problem.NOT_LINKED));
		List<Row> firstRemoved = new ArrayList<>(chain);
		firstRemoved.remove(0);
		assertThat(verify(firstRemoved, head))
			.isEqualTo(ChainVerification.broken(1, 2, ChainVerification.Problem.NOT_LINKED));
	}

	@Test
	void removingTheNewestRecordsIsSeenThroughTheHead() {
		List<Row> chain = chain(5);
		Head head = head(chain);
		assertThat(verify(chain.subList(0, 3), head))
			.isEqualTo(ChainVerification.broken(3, 5, ChainVerification.Problem.NEWEST_MISSING));
		assertThat(verify(List.of(), head))
			.isEqualTo(ChainVerification.broken(0, 5, ChainVerification.Problem.NEWEST_MISSING));
		assertThat(verify(chain, null, null))
			.isEqualTo(ChainVerification.broken(5, 5, ChainVerification.Problem.NO_HEAD));
	}

	@Test
	void anInsertedRecordIsSeen() {
		List<Row> chain = chain(5);
		Head head = head(chain);
		// in a gap of the ids (3), linked to its predecessor: the next record no longer links
		List<Row> gapped = chain(1, 2, 4, 5);
		List<Row> inserted = new ArrayList<>(gapped);
		inserted.add(2, Row.of(gapped.get(1).hash, 3, "INSERTED"));
		assertThat(verify(inserted, head(gapped)))
			.isEqualTo(ChainVerification.broken(4, 4, ChainVerification.Problem.NOT_LINKED));
		// appended with a correct hash, but not through the trail: newer than the head
		List<Row> appended = new ArrayList<>(chain);
		appended.add(Row.of(chain.get(4).hash, 6, "APPENDED"));
		assertThat(verify(appended, head))
			.isEqualTo(ChainVerification.broken(6, 6, ChainVerification.Problem.NOT_IN_HEAD));
		// appended with a wrong hash
		List<Row> wrong = new ArrayList<>(chain);
		wrong.add(Row.of(chain.get(4).hash, 6, "APPENDED").changed(1));
		assertThat(verify(wrong, new Head(6L, wrong.get(5).hash)))
			.isEqualTo(ChainVerification.broken(6, 6, ChainVerification.Problem.CHANGED));
	}

	@Test
	void gapsInTheIdsAloneAreNotTampering() {
		// a record whose insert failed leaves a gap; the chain links across it
		List<Row> chain = chain(1, 2, 5, 9);
		assertThat(verify(chain, head(chain))).isEqualTo(ChainVerification.whole(4));
	}

	// ---- helpers ------------------------------------------------------------------------------------------------

	private static List<Row> chain(int size) {
		return chain(java.util.stream.LongStream.rangeClosed(1, size).toArray());
	}

	private static List<Row> chain(long... ids) {
		List<Row> chain = new ArrayList<>();
		byte[] previous = ChainCheck.GENESIS;
		for (long id : ids) {
			Row row = Row.of(previous, id, "EVENT_" + id);
			chain.add(row);
			previous = row.hash;
		}
		return chain;
	}

	private static Head head(List<Row> chain) {
		Row last = chain.get(chain.size() - 1);
		return new Head(last.id, last.hash);
	}

	private static ChainVerification verify(List<Row> rows, Head head) {
		return verify(rows, head.id, head.hash);
	}

	private static ChainVerification verify(List<Row> rows, Long headId, byte[] headHash) {
		ChainCheck check = new ChainCheck(headId, headHash);
		for (Row row : rows) {
			if (!check.accept(row.id, row.at, row.fields[0], row.fields[1], row.fields[2], row.fields[3],
					row.fields[4], row.fields[5], row.previous, row.hash)) {
				break;
			}
		}
		return check.finish();
	}

	record Head(Long id, byte[] hash) {
	}

	/** A stored record: id, time, type, outcome, subject, ip, user agent, details, links. */
	static final class Row {

		final long id;

		final Instant at;

		final String[] fields;

		final byte[] previous;

		final byte[] hash;

		Row(long id, Instant at, String[] fields, byte[] previous, byte[] hash) {
			this.id = id;
			this.at = at;
			this.fields = fields;
			this.previous = previous;
			this.hash = hash;
		}

		static Row of(byte[] previous, long id, String type) {
			Instant at = Instant.parse("2026-11-23T15:00:00.123456Z").plusSeconds(id);
			String[] fields = { type, "SUCCESS", "user:" + id, "203.0.113.7", "JUnit", "{\"step\":\"" + id + "\"}" };
			return new Row(id, at, fields, previous, hash(previous, at, fields));
		}

		/** The same record with one field changed (0 the time, then type, outcome, subject, ip, agent, details). */
		Row changed(int field) {
			String[] fields = this.fields.clone();
			Instant at = this.at;
			if (field == 0) {
				at = at.plusNanos(1000);
			}
			else {
				fields[field - 1] = fields[field - 1] + "x";
			}
			return new Row(this.id, at, fields, this.previous, this.hash);
		}

		Row rehashed(byte[] previous) {
			return new Row(this.id, this.at, this.fields, previous, hash(previous, this.at, this.fields));
		}

		private static byte[] hash(byte[] previous, Instant at, String[] fields) {
			return ChainCheck.hash(previous, at, fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
		}

	}

}
