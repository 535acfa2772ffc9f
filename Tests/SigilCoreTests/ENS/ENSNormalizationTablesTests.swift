import Foundation
import SigilTestSupport
import Testing

/// The committed Sources/SigilCore/ENS/ENSNormalizationTables.swift is exactly what
/// scripts/generate-ens-tables.py writes from the shared vectors: regenerate it when they change.
@Suite struct ENSNormalizationTablesTests {
    /// `python3` from PATH (the script needs only the standard library).
    static let python3: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    @Test(.enabled(if: python3 != nil, "python3 not found on PATH"))
    func generatedTablesMatchTheScript() throws {
        // The vectors are required: a missing file fails here rather than skipping.
        _ = try Vectors.data("ens_normalize_spec.json")
        _ = try Vectors.data("ens_normalize_nf.json")
        let directory = try TemporaryDirectory()
        let output = directory.url.appendingPathComponent("ENSNormalizationTables.swift")
        let script = TestEnvironment.packageRoot.appendingPathComponent("scripts/generate-ens-tables.py")
        let result = try ProcessRunner.run(try #require(Self.python3), [
            script.path, "--vectors", TestEnvironment.vectorsDirectory.path, "--out", output.path,
        ])
        #expect(result.status == 0, "\(result.stderrText)")
        let committed = try Data(contentsOf: TestEnvironment.packageRoot.appendingPathComponent("Sources/SigilCore/ENS/ENSNormalizationTables.swift"))
        let generated = try Data(contentsOf: output)
        #expect(generated == committed, "ENSNormalizationTables.swift drifted: run python3 scripts/generate-ens-tables.py")
    }
}
