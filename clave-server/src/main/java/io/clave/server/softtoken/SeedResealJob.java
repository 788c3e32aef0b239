package io.clave.server.softtoken;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reseals, every {@code clave.softtoken.reseal-interval} (and once at start-up, right after a deployment that put a
 * new key first in {@code clave.softtoken.seed-keys}), every seed still under an older key of the ring. Several
 * instances may run it at once: {@link SoftTokens#resealSeeds} locks each row it reseals and skips rows another
 * holds. The log says how many tokens, never which seeds.
 */
@Component
class SeedResealJob {

	private static final Logger log = LoggerFactory.getLogger(SeedResealJob.class);

	private final SoftTokens tokens;

	SeedResealJob(SoftTokens tokens) {
		this.tokens = tokens;
	}

	@Scheduled(fixedDelayString = "${clave.softtoken.reseal-interval:1h}")
	void reseal() {
		try {
			int resealed = this.tokens.resealSeeds();
			if (resealed > 0) {
				log.info("Resealed the seeds of {} Token digital token(s) under the current seed key", resealed);
			}
			Map<String, Long> unknown = this.tokens.tokensUnderUnknownKeys();
			if (!unknown.isEmpty()) {
				log.warn("Token digital seeds sealed under keys no longer in clave.softtoken.seed-keys (key id=tokens): "
						+ "{}; those tokens cannot check codes until the key is back in the ring", unknown);
			}
		}
		catch (RuntimeException ex) {
			// the next run tries again; the message names a key id at most, never a seed
			log.warn("Resealing the Token digital seeds failed: {}", ex.getMessage());
		}
	}

}
