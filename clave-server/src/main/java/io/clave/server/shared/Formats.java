package io.clave.server.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;


import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * How the signed-in pages write money, moments and numbers: amounts as Ecuador writes dollars ($1,520.35) in both
 * languages, moments in the bank's time zone with the pattern of the page's language, accounts and cards masked.
 * The pages reach it as {@code fmt}.
 */
@Component
public final class Formats {

	private final MessageSource messages;

	private final BankSettings bank;

	public Formats(MessageSource messages, BankSettings bank) {
		this.messages = messages;
		this.bank = bank;
	}

	public String money(BigDecimal amount, String currency) {
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
		format.setRoundingMode(RoundingMode.HALF_UP);
		String digits = format.format(amount.abs());
		String sign = amount.signum() < 0 ? "-" : "";
		return "USD".equals(currency) ? sign + "$" + digits : sign + currency + " " + digits;
	}

	/** Credits with a plus sign, so that a statement reads at a glance. */
	public String signedMoney(BigDecimal amount, String currency) {
		return (amount.signum() > 0 ? "+" : "") + money(amount, currency);
	}

	public String dateTime(Instant at, Locale locale) {
		return pattern("banking.format.date-time", locale).format(at.atZone(this.bank.timeZone()));
	}

	public String date(LocalDate day, Locale locale) {
		return pattern("banking.format.date", locale).format(day);
	}

	public String expiry(YearMonth month) {
		return String.format(Locale.ROOT, "%02d/%d", month.getMonthValue(), month.getYear());
	}

	public String account(String number) {
		return Masks.accountNumber(number);
	}

	public String card(String lastFour) {
		return Masks.cardLastFour(lastFour);
	}

	private DateTimeFormatter pattern(String code, Locale locale) {
		return DateTimeFormatter.ofPattern(this.messages.getMessage(code, null, locale), locale);
	}

}
