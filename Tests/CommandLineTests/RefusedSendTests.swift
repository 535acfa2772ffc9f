import Foundation
import SigilTestSupport
import Testing

/// What a refused send says next time: repeating a send that every peer refused names how to
/// re-sign (`tx bump` or new fees) instead of "journal already holds transaction", and a batch
/// run or rerun names the reason for every failed row.
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled)) struct RefusedSendTests {
    let home: TemporaryDirectory
    let refusing: DevNode

    init() throws {
        home = try TemporaryDirectory()
        refusing = try DevNode(options: ["--fail-mode", "reject-all"])
    }

    func run(_ arguments: [String]) throws -> ProcessRunner.Result {
        try CLI.run("sigil", arguments + ["--rpc", refusing.url], environment: ["SIGIL_HOME": home.url.path])
    }

    @Test func repeatingARefusedSendSaysHowToResign() throws {
        let to = try devKeyAddress(9, in: home)
        let send = ["send", "--to", to, "--value", "1wei", "--max-fee", "20gwei", "--priority-fee", "1gwei",
                    "--private-key-file", try devKeyFile(3, in: home), "--yes"]
        let first = try run(send)
        #expect(first.status == 6, "\(first.stderrText)")
        #expect(first.stderrText.contains("txpool is full"), "\(first.stderrText)")
        let again = try run(send)
        #expect(again.status == 65 && again.stdoutText.isEmpty, "\(again.stderrText)")
        #expect(again.stderrText.contains("was already refused by every peer: txpool is full"), "\(again.stderrText)")
        #expect(again.stderrText.contains("sigil tx bump 0x"), "\(again.stderrText)")
        #expect(!again.stderrText.contains("journal already holds"))
        #expect(try refusing.methodCount("eth_sendRawTransaction") == 1, "the same bytes were not sent twice")
    }

    @Test func everyFailedBatchRowSaysWhy() throws {
        let to = try devKeyAddress(9, in: home)
        let file = try home.file("pay.csv", contents: "id,to,value\nalpha,\(to),1wei\nbeta,\(to),2wei\n")
        let batch = ["send", "--batch", file.path, "--private-key-file", try devKeyFile(4, in: home), "--yes"]
        for attempt in ["first run", "rerun"] {
            let r = try run(batch)
            #expect(r.status == 6, "\(attempt): \(r.stderrText)")
            for (id, line) in [("alpha", 2), ("beta", 3)] {
                let reason = r.stderrText.split(separator: "\n").first { $0.hasPrefix("row \(id) (line \(line)) failed") }
                #expect(reason != nil, "\(attempt): no reason for \(id): \(r.stderrText)")
                #expect(reason.map { $0.contains("txpool is full") || $0.contains("already refused by every peer") } == true,
                        "\(attempt): \(reason ?? "")")
            }
            #expect(r.stdoutText.contains("failed 2"), "\(attempt): \(r.stdoutText)")
        }
    }
}
