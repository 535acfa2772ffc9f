import Foundation
import SigilTestSupport
import Testing

/// The `--json` output of `ens …` and contract-aware `verify`, checked against their section of
/// docs/json.md ("Names (ENS) and contract-wallet signatures") on one dev node.
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled)) struct NamesJSONSchemaTests {
    @Test func namesAndContractSignaturesMatchTheirDocumentedSchema() throws {
        let docs = try NetworkSchemaDocs.load()
        let node = try DevNode()
        let home = try TemporaryDirectory()
        let registry = try TestContracts.ens(on: node).registry
        let config = try home.file("config.toml", contents: "[networks.dev]\nchainId = 1337\nrpc = [\"\(node.url)\"]\nensRegistry = \"\(registry)\"\n")
        func check(_ row: String, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
            let r = try CLI.run("sigil", arguments + ["--json"], environment: ["SIGIL_HOME": home.url.path, "SIGIL_CONFIG": config.path])
            #expect(r.status == 0, "\(arguments): \(r.stderrText)", sourceLocation: sourceLocation)
            let problems = try docs.check(try JSONSerialization.jsonObject(with: r.stdout), row: row, flags: [])
            #expect(problems.isEmpty, "\(row): \(problems)", sourceLocation: sourceLocation)
        }
        let owner = try devKeyAddress(2, in: home)
        try TestContracts.register("alice.eth", to: owner, on: node)
        try check("`ens resolve NAME`", ["ens", "resolve", "alice.eth", "--network", "dev"])
        try check("`ens lookup ADDRESS`", ["ens", "lookup", owner, "--network", "dev"])
        try check("`ens namehash NAME`", ["ens", "namehash", "alice.eth"])

        let signed = try CLI.run("sigil", ["sign", "message", "hi", "--private-key-file", try devKeyFile(2, in: home)])
        let signature = signed.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        try check("`verify message ¦ typed-data` (ecrecover)", ["verify", "message", "hi", "--address", "alice.eth", "--signature", signature, "--network", "dev"])
        let wallet = try TestContracts.deploy(.wallet1271, on: node, args: [owner])
        try check("`verify message ¦ typed-data` (contract wallet)", ["verify", "message", "hi", "--address", wallet, "--signature", signature, "--network", "dev"])
    }
}
