package io.clave.server.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.RandomMessageIDGenerator;

/** A minimal SMSC on loopback built on jSMPP's server session: accepts transmitter binds and keeps each submit_sm. */
final class SmscStub implements AutoCloseable {

	record Submitted(String sessionId, String source, String destination, byte dataCoding, String text) {
	}

	private final SMPPServerSessionListener listener;

	private final int port;

	private final List<Submitted> received = new CopyOnWriteArrayList<>();

	private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();

	private final ExecutorService acceptor = Executors.newSingleThreadExecutor();

	private volatile boolean closed;

	SmscStub() throws IOException {
		this.port = freePort();
		this.listener = new SMPPServerSessionListener(this.port);
		this.listener.setMessageReceiverListener(new Receiver());
		this.acceptor.submit(this::acceptBinds);
	}

	int port() {
		return this.port;
	}

	List<Submitted> received() {
		return List.copyOf(this.received);
	}

	/** Cuts every open connection, as an SMSC restart or a network failure would. */
	void dropConnections() {
		this.sessions.forEach(SMPPServerSession::close);
		this.sessions.clear();
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		dropConnections();
		this.listener.close();
		this.acceptor.shutdownNow();
	}

	private void acceptBinds() {
		while (!this.closed) {
			try {
				SMPPServerSession session = this.listener.accept();
				BindRequest bind = session.waitForBind(5_000);
				bind.accept("test-smsc");
				this.sessions.add(session);
			}
			catch (IOException | TimeoutException | RuntimeException | org.jsmpp.PDUStringException ex) {
				if (this.closed) {
					return;
				}
			}
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private final class Receiver implements ServerMessageReceiverListener {

		@Override
		public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session) {
			byte[] octets = submit.getShortMessage();
			if (octets == null || octets.length == 0) {
				OptionalParameter payload = submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
				octets = ((OptionalParameter.OctetString) payload).getValue();
			}
			String text = new String(octets,
					submit.getDataCoding() == SMPPConstant.DC_UCS2 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
			SmscStub.this.received.add(new Submitted(session.getSessionId(), submit.getSourceAddr(),
					submit.getDestAddress(), submit.getDataCoding(), text));
			return new SubmitSmResult(new RandomMessageIDGenerator().newMessageId(), new OptionalParameter[0]);
		}

		@Override
		public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
				throws ProcessRequestException {
			throw unsupported();
		}

		@Override
		public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source)
				throws ProcessRequestException {
			throw unsupported();
		}

		@Override
		public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
			throw unsupported();
		}

		@Override
		public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
			throw unsupported();
		}

		@Override
		public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
				throws ProcessRequestException {
			throw unsupported();
		}

		@Override
		public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
				throws ProcessRequestException {
			throw unsupported();
		}

		@Override
		public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
				SMPPServerSession source) throws ProcessRequestException {
			throw unsupported();
		}

		@Override
		public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
			throw unsupported();
		}

		private ProcessRequestException unsupported() {
			return new ProcessRequestException("not supported by the test SMSC", SMPPConstant.STAT_ESME_RINVCMDID);
		}

	}

}
