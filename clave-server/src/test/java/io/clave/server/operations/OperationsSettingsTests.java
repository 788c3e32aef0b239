package io.clave.server.operations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The scraper's token: none closes the metrics, a short one stops the server from starting. */
class OperationsSettingsTests {

	@Test
	void noTokenClosesTheMetricsAndAShortOneIsRefused() {
		assertThat(new OperationsSettings("").metricsToken()).isEmpty();
		assertThat(new OperationsSettings(" " + "k".repeat(32) + " ").metricsToken()).isEqualTo("k".repeat(32));
		assertThatIllegalArgumentException().isThrownBy(() -> new OperationsSettings("prometheus"))
			.withMessageContaining("CLAVE_METRICS_TOKEN");
	}

}
