public import SigilCore
import Synchronization

/// One JSON-RPC request inside a batch.
public struct RPCCall: Sendable, Equatable {
    public let method: String
    public let params: [JSONValue]

    public init(_ method: String, _ params: [JSONValue] = []) {
        self.method = method
        self.params = params
    }
}

/// A JSON-RPC 2.0 client for one peer, over `HTTPTransport`. Each call or batch is exactly one
/// HTTP request bounded by `timeout` seconds. Safe to share between threads.
public final class JSONRPCClient: Sendable {
    /// The peer URL as given.
    public let url: String
    /// Seconds allowed for each HTTP request.
    public let timeout: Double

    private let nextID = Atomic<Int>(1)

    public init(url: String, timeout: Double) {
        self.url = url
        self.timeout = timeout
    }

    /// Calls `method` and returns its `result` (possibly `.null`).
    public func call(_ method: String, _ params: [JSONValue] = []) throws(RPCError) -> JSONValue {
        let id = nextID.add(1, ordering: .relaxed).oldValue
        let answer = try exchange(Self.request(id: id, RPCCall(method, params)), methods: method)
        guard case .object = answer else {
            throw .malformed("\(method): expected a JSON object, got \(answer.kindName)")
        }
        guard answer["id"] == .integer(id) else { throw .malformed("\(method): response id does not match the request") }
        return try Self.outcome(of: answer, method: method).get()
    }

    /// Sends `calls` as one batch (one HTTP request) and returns one result per call, in the
    /// order of `calls`, matching responses by id. Throws when the batch as a whole failed:
    /// transport, HTTP status, an error object instead of an array, missing or duplicate ids.
    public func batch(_ calls: [RPCCall]) throws(RPCError) -> [Result<JSONValue, RPCError>] {
        guard !calls.isEmpty else { return [] }
        let first = nextID.add(calls.count, ordering: .relaxed).oldValue
        let requests = calls.enumerated().map { Self.request(id: first + $0.offset, $0.element) }
        let methods = calls.map(\.method).joined(separator: ",")
        let answer = try exchange(.array(requests), methods: "batch[\(methods)]")
        guard case .array(let responses) = answer else {
            if case .object = answer, case .failure(let error) = Self.outcome(of: answer, method: "batch") { throw error }
            throw .malformed("batch: expected an array, got \(answer.kindName)")
        }
        var slots = [Result<JSONValue, RPCError>?](repeating: nil, count: calls.count)
        for response in responses {
            guard case .number(let idText) = response["id"] ?? .null, let id = Int(idText),
                  id >= first, id < first + calls.count else {
                throw .malformed("batch: response with a missing or unknown id")
            }
            guard slots[id - first] == nil else { throw .malformed("batch: duplicate response id \(id)") }
            slots[id - first] = Self.outcome(of: response, method: calls[id - first].method)
        }
        var results: [Result<JSONValue, RPCError>] = []
        for (index, slot) in slots.enumerated() {
            guard let slot else { throw .malformed("batch: no response for \(calls[index].method)") }
            results.append(slot)
        }
        return results
    }

    // MARK: - Wire format

    private static func request(id: Int, _ call: RPCCall) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", .integer(id)), ("method", .string(call.method)),
                 ("params", .array(call.params))])
    }

    /// The `result` or the `error` of one response object.
    static func outcome(of response: JSONValue, method: String) -> Result<JSONValue, RPCError> {
        if let error = response["error"], error != .null {
            guard case .number(let codeText) = error["code"] ?? .null, let code = Int(codeText) else {
                return .failure(.malformed("\(method): error object without an integer code"))
            }
            let message = error["message"]?.stringValue ?? ""
            return .failure(.node(method: method, code: code, message: message, data: error["data"]))
        }
        guard let result = response["result"] else {
            return .failure(.malformed("\(method): response has neither result nor error"))
        }
        return .success(result)
    }

    /// One HTTP round trip: status and JSON checks. Non-200 answers that carry a JSON-RPC
    /// error object are passed on (some nodes use 4xx/5xx for node errors).
    private func exchange(_ request: JSONValue, methods: String) throws(RPCError) -> JSONValue {
        let response: HTTPResponse
        do {
            response = try HTTPTransport.post(url: url, body: Array(request.serialized().utf8), timeout: timeout)
        } catch {
            throw RPCError(error)
        }
        let parsed = try? JSONParser.parse(response.body)
        if response.status != 200 {
            if let parsed, let error = parsed["error"], error != .null { return parsed }
            throw .httpStatus(response.status, excerpt: RPCError.excerpt(response.body))
        }
        guard let parsed else {
            throw .malformed("\(methods): body is not JSON: \(RPCError.excerpt(response.body))")
        }
        return parsed
    }
}
