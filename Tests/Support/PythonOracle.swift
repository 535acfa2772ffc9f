import Foundation

/// Runs a Python reference script from `Tests/Oracles/` in the project's venv.
///
/// The protocol is one JSON document on stdin and one on stdout, so a whole batch of random
/// cases costs one interpreter start. Scripts use the reference libraries (eth-account,
/// coincurve, rlp, pycryptodome, ...) that `make test` installs.
public enum PythonOracle {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Sends `input` (any JSONSerialization-compatible value) to `script` and returns its parsed output.
    public static func run(_ script: String, input: Any) throws -> Any {
        let python = TestEnvironment.python
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw Failure(description: "Python oracle venv missing at \(python.path): run `make venv`")
        }
        let scriptURL = TestEnvironment.packageRoot.appendingPathComponent("Tests/Oracles").appendingPathComponent(script)
        let inputData = try JSONSerialization.data(withJSONObject: input, options: [.fragmentsAllowed])
        let result = try ProcessRunner.run(python.path, [scriptURL.path], stdin: inputData)
        guard result.status == 0 else {
            throw Failure(description: "oracle \(script) exited \(result.status): \(result.stderrText)")
        }
        return try JSONSerialization.jsonObject(with: result.stdout, options: [.fragmentsAllowed])
    }
}
