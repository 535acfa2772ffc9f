import Foundation
#if canImport(Testing)
// Testing is on the search path only when tests are built; `swift build` (debug or release,
// as make bench and make install run it) also builds this target, without it.
import Testing
#endif

/// Where things are when tests run: the package root, the shared conformance vectors,
/// the Python oracle venv and the built binaries.
public enum TestEnvironment {
    /// The package root, derived from this file's location (Tests/Support/TestEnvironment.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// True when running under CI (`CI=true`): missing vectors or oracles then fail the suite.
    public static var isCI: Bool {
        let value = ProcessInfo.processInfo.environment["CI"]?.lowercased()
        return value == "true" || value == "1"
    }

    /// `../shared/vectors` beside the package, or `$SIGIL_VECTORS`.
    public static var vectorsDirectory: URL {
        if let path = ProcessInfo.processInfo.environment["SIGIL_VECTORS"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/vectors")
    }

    /// The Python interpreter of the oracle venv (`make test` creates `.venv`), or `$SIGIL_PYTHON`.
    public static var python: URL {
        if let path = ProcessInfo.processInfo.environment["SIGIL_PYTHON"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return packageRoot.appendingPathComponent(".venv/bin/python")
    }

    /// The directory that holds the built `sigil` and `sigil-signer` (`$SIGIL_BIN_DIR`,
    /// else `.build/debug`).
    public static var binDirectory: URL {
        if let path = ProcessInfo.processInfo.environment["SIGIL_BIN_DIR"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return packageRoot.appendingPathComponent(".build/debug")
    }

    /// Whether vector-based tests should run: the folder exists, or we are in CI (where a
    /// missing folder must fail loudly instead of skipping).
    public static var vectorsEnabled: Bool {
        isCI || FileManager.default.fileExists(atPath: vectorsDirectory.path)
    }

    /// The trait of every test that reads the conformance vectors: enabled when `vectorsEnabled`,
    /// otherwise skipped with a reason that names the folder it looked in, so a run outside CI
    /// says why those tests did not run instead of passing over them in silence.
    #if canImport(Testing)
    public static var vectorsTrait: ConditionTrait {
        .enabled(
            if: vectorsEnabled,
            Comment(rawValue: "conformance vectors not found at \(vectorsDirectory.path) (set SIGIL_VECTORS); under CI=true this fails")
        )
    }
    #endif

    /// Whether oracle-based tests should run: the venv exists, or we are in CI.
    public static var oraclesEnabled: Bool {
        isCI || FileManager.default.isExecutableFile(atPath: python.path)
    }
}
