import net from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

// A local SMTP server for the integration tests (127.0.0.1, a free port, no authentication, no
// TLS). It keeps what it receives, parsed; or answers every message with a chosen reply code.

export type SmtpSink = {
  url: string;
  received: ParsedMail[];
  /** 0: take the mail; else the reply code to answer the message with (451, 550, …). */
  rejectWith: number;
  close(): Promise<void>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  const sink: SmtpSink = { url: '', received: [], rejectWith: 0, close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      if (sink.rejectWith) {
        const code = sink.rejectWith;
        stream.on('end', () => callback(Object.assign(new Error(code >= 500 ? 'mailbox unavailable' : 'try again later'), { responseCode: code })));
        stream.resume();
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          sink.received.push(parsed);
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as net.AddressInfo;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

/** An address where nothing listens: a connection to it is refused. */
export async function refusedSmtpUrl(): Promise<string> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `smtp://127.0.0.1:${port}`;
}
