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

/// A JSON-RPC 2.0 client for one peer (or, for reads, the first of several that answers), over
/// `HTTPTransport`. Each call or batch is one HTTP request bounded by `timeout` seconds per peer
/// tried. Safe to share between threads.
public final class JSONRPCClient: Sendable {
    /// The peers in the order given; every request goes to `url`.
    public let urls: [String]
    /// Seconds allowed for each HTTP request.
    public let timeout: Double

    private let nextID = Atomic<Int>(1)
    /// Index in `urls` of the peer requests go to.
    private let current = Atomic<Int>(0)
    /// Whether a peer has answered (requests then go to it alone, until it fails).
    private let chosen = Atomic<Bool>(false)
    private let skipped = Mutex<[(url: String, error: RPCError)]>([])

    public init(url: String, timeout: Double) {
        self.urls = [url]
        self.timeout = timeout
    }

    /// A client for reads that need one answer: the first request goes to every peer at once
    /// and the first to answer is used from then on; a peer that cannot be reached, does not
    /// answer in time, or answers with an HTTP error or no JSON is skipped (for this and every
    /// later request). An answer from the node — a JSON-RPC error included — counts as an
    /// answer. `urls` must not be empty.
    public init(urls: [String], timeout: Double) {
        precondition(!urls.isEmpty, "JSONRPCClient needs at least one peer")
        self.urls = urls
        self.timeout = timeout
    }

    /// The peer requests go to now: the one that won the first race (before it, the first one).
    public var url: String { urls[current.load(ordering: .relaxed)] }

    /// Whether a peer has answered and requests now go to it alone (always true for one peer).
    public var hasChosenPeer: Bool { urls.count == 1 || chosen.load(ordering: .relaxed) }

    /// The peers skipped so far, with why, in the order they were tried.
    public var skippedPeers: [(url: String, error: RPCError)] { skipped.withLock { $0 } }

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
    ///
    /// With several peers the first request is raced: it goes to every peer at once and the
    /// first usable answer wins (the earliest listed, when several are in); later requests go
    /// to that peer alone. A peer that hangs therefore costs nothing once another has answered.
    /// When the chosen peer fails, the request is raced again among the peers not yet skipped.
    private func exchange(_ request: JSONValue, methods: String) throws(RPCError) -> JSONValue {
        let index = current.load(ordering: .relaxed)
        if urls.count == 1 { return try exchange(request, methods: methods, url: urls[0]) }
        if chosen.load(ordering: .relaxed) {
            do throws(RPCError) {
                return try exchange(request, methods: methods, url: urls[index])
            } catch {
                let failedURL = urls[index]
                skipped.withLock { $0.append((failedURL, error)) }
            }
        }
        let skippedURLs = Set(skipped.withLock { $0.map(\.url) })
        let candidates = urls.indices.filter { !skippedURLs.contains(urls[$0]) }
        guard !candidates.isEmpty else {
            throw skipped.withLock { $0.last?.error } ?? .malformed("\(methods): no peer left to ask")
        }
        return try race(request, methods: methods, among: candidates)
    }

    /// Sends `request` to every peer in `candidates` at once; the first usable answer wins.
    private func race(_ request: JSONValue, methods: String, among candidates: [Int]) throws(RPCError) -> JSONValue {
        let candidateURLs = candidates.map { urls[$0] }
        let answers = PeerRace(urls: candidateURLs, hardDeadline: timeout + 1).run({ _, url in
            Result { () throws(RPCError) -> JSONValue in try self.exchange(request, methods: methods, url: url) }
        }, enough: { answers, _ in
            answers.contains { if case .success = $0 { true } else { false } } ? .stop : .wait(recheckAfter: nil)
        })
        let winner = answers.indices.first { if case .success = answers[$0] { true } else { false } }
        var failures: [(url: String, error: RPCError)] = []
        for (slot, answer) in answers.enumerated() {
            if case .failure(let error) = answer { failures.append((candidateURLs[slot], error)) }
            if answer == nil, winner == nil { failures.append((candidateURLs[slot], .timedOut(endpoint: PeerGroup.endpoint(candidateURLs[slot]), seconds: timeout))) }
        }
        guard let winner, case .success(let parsed) = answers[winner] else {
            // Every peer failed: the last listed one's error is thrown, the others are skipped.
            let last = failures.removeLast()
            skipped.withLock { $0.append(contentsOf: failures) }
            throw last.error
        }
        skipped.withLock { $0.append(contentsOf: failures) }
        current.store(candidates[winner], ordering: .relaxed)
        chosen.store(true, ordering: .relaxed)
        return parsed
    }

    /// One HTTP round trip to `url`.
    private func exchange(_ request: JSONValue, methods: String, url: String) throws(RPCError) -> JSONValue {
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
