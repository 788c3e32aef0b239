package io.clave.server.corporate;

import java.time.Clock;

import io.clave.server.audit.AuditTrail;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The absolute limit of company users' sessions, a filter of the security chain only. */
@Configuration(proxyBeanMethods = false)
class CorporateSessionConfiguration {

	@Bean
	CorporateSessionLimits corporateSessionLimits(CorporateLoginSettings settings, Clock clock, AuditTrail audit) {
		return new CorporateSessionLimits(settings, clock, audit);
	}

	/** The filter runs inside the security chain only, not a second time as a servlet filter. */
	@Bean
	FilterRegistrationBean<CorporateSessionLimits> corporateSessionLimitsOutsideTheChain(
			CorporateSessionLimits limits) {
		FilterRegistrationBean<CorporateSessionLimits> registration = new FilterRegistrationBean<>(limits);
		registration.setEnabled(false);
		return registration;
	}

}
