import Foundation

/// Reads a conformance vector file in place from `../shared/vectors` (never copied into the project).
public enum Vectors {
    public struct Missing: Error, CustomStringConvertible {
        public let path: String
        public var description: String {
            "conformance vectors missing at \(path): they are required (set SIGIL_VECTORS or place shared/ beside the project)"
        }
    }

    /// The raw bytes of a vector file.
    public static func data(_ name: String) throws -> Data {
        let url = TestEnvironment.vectorsDirectory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: url.path) }
        return try Data(contentsOf: url)
    }

    /// The parsed JSON of a vector file (Foundation types: [String: Any], [Any], String, NSNumber).
    public static func json(_ name: String) throws -> Any {
        try JSONSerialization.jsonObject(with: data(name), options: [.fragmentsAllowed])
    }

    /// The top-level object of a vector file without its `_meta` entry.
    public static func cases(_ name: String) throws -> [String: Any] {
        guard var object = try json(name) as? [String: Any] else {
            throw Missing(path: "\(name) (top level is not an object)")
        }
        object.removeValue(forKey: "_meta")
        return object
    }
}
