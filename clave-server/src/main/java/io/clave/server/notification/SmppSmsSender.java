package io.clave.server.notification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.clave.server.shared.PhoneNumber;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * Submits SMS to an SMSC over SMPP 3.4, bound as a transmitter. The session is opened on the first message and
 * kept; when it breaks, the failing message is left to the dispatcher's retry and the next one binds again.
 * Texts go as UCS-2 because Spanish needs letters (á, í, ó, ú) that the GSM 7-bit alphabet lacks; a text longer
 * than one UCS-2 segment travels in the {@code message_payload} parameter, which the SMSC splits.
 */
final class SmppSmsSender implements SmsSender, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SmppSmsSender.class);

	private static final int SHORT_MESSAGE_OCTETS = 140;

	private static final int ENQUIRE_LINK_MILLIS = 30_000;

	private final NotificationSettings.Smpp settings;

	private final long timeoutMillis;

	private SMPPSession session;

	SmppSmsSender(NotificationSettings.Smpp settings) {
		this.settings = settings;
		this.timeoutMillis = settings.timeout().toMillis();
	}

	@Override
	public synchronized void send(PhoneNumber to, String text) {
		byte[] ucs2 = text.getBytes(StandardCharsets.UTF_16BE);
		boolean fits = ucs2.length <= SHORT_MESSAGE_OCTETS;
		try {
			bound().submitShortMessage("", sourceTypeOfNumber(), NumberingPlanIndicator.UNKNOWN,
					this.settings.sourceAddress(), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
					to.e164().substring(1), new ESMClass(), (byte) 0, (byte) 1, null, null,
					new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0,
					new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0, fits ? ucs2 : new byte[0],
					fits ? new OptionalParameter[0]
							: new OptionalParameter[] { new OptionalParameter.Message_payload(ucs2) });
		}
		catch (NegativeResponseException ex) {
			// the SMSC refused this message; the session itself is fine
			throw new DeliveryFailure("SMSC refused submit_sm with status 0x" + Integer.toHexString(ex.getCommandStatus()));
		}
		catch (Exception ex) {
			closeSession();
			throw new DeliveryFailure("SMPP submit failed: " + ex.getClass().getSimpleName(), ex);
		}
	}

	/** A short code is a number; a sender name such as CLAVE is alphanumeric. */
	private TypeOfNumber sourceTypeOfNumber() {
		return this.settings.sourceAddress().chars().allMatch(Character::isDigit) ? TypeOfNumber.UNKNOWN
				: TypeOfNumber.ALPHANUMERIC;
	}

	private SMPPSession bound() throws IOException {
		if (this.session != null && this.session.getSessionState().isTransmittable()) {
			return this.session;
		}
		closeSession();
		SMPPSession fresh = new SMPPSession();
		fresh.setTransactionTimer(this.timeoutMillis);
		fresh.setEnquireLinkTimer(ENQUIRE_LINK_MILLIS);
		try {
			fresh.connectAndBind(this.settings.host(), this.settings.port(),
					new BindParameter(BindType.BIND_TX, this.settings.systemId(), this.settings.password(), "",
							TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
					this.timeoutMillis);
		}
		catch (IOException ex) {
			fresh.close();
			throw ex;
		}
		log.info("Bound to the SMSC at {}:{} as a transmitter", this.settings.host(), this.settings.port());
		this.session = fresh;
		return fresh;
	}

	private void closeSession() {
		if (this.session != null) {
			this.session.unbindAndClose();
			this.session = null;
		}
	}

	@Override
	public synchronized void destroy() {
		closeSession();
	}

}
