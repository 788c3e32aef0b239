package io.clave.server.corebanking;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import io.clave.server.backoffice.OperatorCreation;
import io.clave.server.backoffice.OperatorRole;
import io.clave.server.backoffice.Operators;
import io.clave.server.backoffice.SignedInOperator;
import io.clave.server.shared.Cedula;
import io.clave.server.shared.ClientContext;
import io.clave.server.support.IntegrationTest;
import io.clave.server.support.TestPeople;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/** "Importar datos del core" in the back office: an operator uploads the extract and reads the report. */
class ImportPagesTests extends IntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Operators operators;

	@Autowired
	Customers customers;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOperatorUploadsTheExtractAndReadsTheReport() {
		Signed operator = signedIn(OperatorRole.OPERATOR);
		String cedula = TestPeople.newCedula().value();
		String csv = ImportFormat.HEADER + "\n"
				+ CoreBankingImportTests.row(cedula, TestPeople.newCardNumber("4213"), "DEBIT", "2580",
						TestPeople.newAccountNumber(), "SAVINGS", "99.90")
				+ "\n" + CoreBankingImportTests.row("1234567890", "", "", "", TestPeople.newAccountNumber(), "SAVINGS", "1")
				+ "\n";
		MockMultipartFile file = new MockMultipartFile("file", "clientes.csv", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8));

		assertThat(this.mvc.get().uri("/backoffice/importaciones").with(operator.request())).bodyText()
			.contains("Importar datos del core", "Archivo CSV");
		assertThat(this.mvc.perform(multipart("/backoffice/importaciones").file(file).with(operator.request())
			.with(csrf()))).hasStatusOk()
			.bodyText()
			.contains("algunas filas fueron rechazadas", "Filas cargadas", "Clientes",
					"La cédula no es válida (10 dígitos, provincia, tercer dígito y dígito verificador).",
					"******7890");
		assertThat(this.customers.findByCedula(new Cedula(cedula))).isPresent();
		assertThat(this.jdbc.sql("SELECT outcome || ' ' || (details ->> 'loaded') || ' ' || (details ->> 'rejected')"
				+ " FROM audit_events WHERE type = 'CORE_BANKING_IMPORT' AND subject = ?")
			.param("operator:" + operator.id())
			.query(String.class)
			.list()).containsExactly("SUCCESS 1 1");

		// the same file again: nothing new
		assertThat(this.mvc.perform(multipart("/backoffice/importaciones").file(file).with(operator.request())
			.with(csrf()))).bodyText()
			.containsPattern("id=\"counts-customers\">\\s*<th scope=\"row\">Clientes</th>\\s*<td class=\"amount\">0</td>"
					+ "\\s*<td class=\"amount\">0</td>\\s*<td class=\"amount\">1</td>");

		// not the format, and no file at all: a clear message, nothing imported
		MockMultipartFile other = new MockMultipartFile("file", "otro.csv", "text/csv",
				"nombre;apellido\n".getBytes(StandardCharsets.UTF_8));
		assertThat(this.mvc.perform(multipart("/backoffice/importaciones").file(other).with(operator.request())
			.with(csrf()))).bodyText()
			.contains("No se importó nada: la primera línea del archivo no es el encabezado");
		assertThat(this.mvc.perform(multipart("/backoffice/importaciones").with(operator.request()).with(csrf())))
			.bodyText()
			.contains("Elige el archivo CSV que quieres importar.");
	}

	@Test
	void onlyOperatorsWithTheOperatorRoleImport() {
		RequestPostProcessor auditor = signedIn(OperatorRole.AUDITOR).request();
		assertThat(this.mvc.get().uri("/backoffice/importaciones").with(auditor)).hasStatus(403);
		assertThat(this.mvc.perform(multipart("/backoffice/importaciones")
			.file(new MockMultipartFile("file", "x.csv", "text/csv", new byte[] { 'x' }))
			.with(auditor)
			.with(csrf()))).hasStatus(403);
		assertThat(this.mvc.get().uri("/backoffice/importaciones")).hasStatus3xxRedirection()
			.redirectedUrl()
			.contains("/backoffice/ingreso");
		assertThat(this.mvc.get().uri("/backoffice").with(signedIn(OperatorRole.OPERATOR).request())).bodyText()
			.contains("Importar datos del core");
	}

	record Signed(UUID id, RequestPostProcessor request) {
	}

	private Signed signedIn(OperatorRole role) {
		OperatorCreation created = this.operators.create("ops." + UUID.randomUUID().toString().substring(0, 8),
				"Ana Operadora", EnumSet.of(role), ClientContext.SYSTEM);
		var enrolment = ((OperatorCreation.Created) created).enrolment();
		SignedInOperator operator = new SignedInOperator(enrolment.operatorId(), enrolment.username(),
				Set.of(role.name()), Instant.now());
		return new Signed(enrolment.operatorId(), authentication(UsernamePasswordAuthenticationToken
			.authenticated(operator, null, operator.authorities().stream().map(SimpleGrantedAuthority::new).toList())));
	}

}
