import SigilCore
import SigilTestSupport
import Testing

fileprivate let order: [UInt8] = try! Hex.decode(
    "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", prefix: .forbidden)

/// n - x for a 32-byte big-endian x < n.
fileprivate func orderMinus(_ x: [UInt8]) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: 32)
    var borrow = 0
    for i in stride(from: 31, through: 0, by: -1) {
        var d = Int(order[i]) - Int(x[i]) - borrow
        borrow = d < 0 ? 1 : 0
        if d < 0 { d += 256 }
        out[i] = UInt8(d)
    }
    return out
}

fileprivate func keyOf(_ value: UInt8) throws -> PrivateKey {
    var bytes = [UInt8](repeating: 0, count: 31) + [value]
    return try PrivateKey(secret: SecureBytes(consuming: &bytes))
}

@Suite("Signature")
struct SignatureTests {
    let digest = Keccak256.hash(Array("sigil".utf8))

    @Test func signAndRecoverRoundTrip() throws {
        for value: UInt8 in [1, 2, 3, 200] {
            let key = try keyOf(value)
            for message in ["", "a", "hello world"] {
                let digest = Keccak256.hash(Array(message.utf8))
                let sig = try key.sign(digest: digest)
                #expect(sig.r.count == 32 && sig.s.count == 32 && sig.yParity <= 1)
                #expect(sig.isLowS)
                #expect(try sig.recoverPublicKey(digest: digest) == key.publicKey)
                #expect(try sig.recoverAddress(digest: digest) == key.address)
                #expect(sig.isValid(digest: digest, publicKey: key.publicKey))
                #expect(!sig.isValid(digest: self.digest == digest ? Keccak256.hash([1]) : self.digest, publicKey: key.publicKey))
                #expect(!sig.isValid(digest: digest, publicKey: try keyOf(value &+ 1).publicKey))
                // Deterministic (RFC 6979): the same key and digest sign the same way.
                #expect(try key.sign(digest: digest) == sig)
                // Through the 65-byte form.
                #expect(try Signature(bytes: sig.bytes) == sig)
                #expect(sig.bytes[64] == 27 + sig.yParity)
            }
        }
    }

    @Test func highSIsReportedAndRejected() throws {
        let key = try keyOf(5)
        let sig = try key.sign(digest: digest)
        let high = try Signature(r: sig.r, s: orderMinus(sig.s), yParity: 1 - sig.yParity)
        #expect(!high.isLowS)
        #expect(!high.isValid(digest: digest, publicKey: key.publicKey))
        // The mirror signature still recovers the same key (as ecrecover does).
        #expect(try high.recoverAddress(digest: digest) == key.address)
        // s = n/2 is the largest low s; n/2 + 1 is high.
        let half = try Hex.decode("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0", prefix: .forbidden)
        #expect(try Signature(r: sig.r, s: half, yParity: 0).isLowS)
        var halfPlusOne = half
        halfPlusOne[31] += 1
        #expect(try !Signature(r: sig.r, s: halfPlusOne, yParity: 0).isLowS)
    }

    @Test func vValuesInTheSixtyFifthByte() throws {
        let sig = try keyOf(1).sign(digest: digest)
        let body = sig.r + sig.s
        #expect(try Signature(bytes: body + [sig.yParity]) == sig)
        #expect(try Signature(bytes: body + [27 + sig.yParity]) == sig)
        #expect(try Signature(bytes: body + [1 - sig.yParity]).yParity == 1 - sig.yParity)
        for v: UInt8 in [2, 26, 29, 37, 38, 255] {
            let error = #expect(throws: SignatureError.invalidV(v)) { try Signature(bytes: body + [v]) }
            #expect(error.map { "\($0)".contains("\(v)") } == true)
        }
        #expect(throws: SignatureError.invalidLength(64)) { try Signature(bytes: body) }
        #expect(throws: SignatureError.invalidLength(66)) { try Signature(bytes: body + [27, 0]) }
    }

    @Test func componentsAreChecked() throws {
        let sig = try keyOf(1).sign(digest: digest)
        let zero = [UInt8](repeating: 0, count: 32)
        #expect(throws: SignatureError.invalidComponentLength(component: "r", actual: 31)) {
            try Signature(r: Array(sig.r.dropFirst()), s: sig.s, yParity: 0)
        }
        #expect(throws: SignatureError.invalidComponentLength(component: "s", actual: 33)) {
            try Signature(r: sig.r, s: [0] + sig.s, yParity: 0)
        }
        #expect(throws: SignatureError.invalidYParity(2)) { try Signature(r: sig.r, s: sig.s, yParity: 2) }
        #expect(throws: SignatureError.componentOutOfRange(component: "r")) { try Signature(r: zero, s: sig.s, yParity: 0) }
        #expect(throws: SignatureError.componentOutOfRange(component: "s")) { try Signature(r: sig.r, s: zero, yParity: 0) }
        #expect(throws: SignatureError.componentOutOfRange(component: "r")) { try Signature(r: order, s: sig.s, yParity: 0) }
        #expect(throws: SignatureError.componentOutOfRange(component: "s")) { try Signature(r: sig.r, s: order, yParity: 0) }
        // n - 1 is in range.
        _ = try Signature(r: orderMinus(zero.dropLast() + [1]), s: sig.s, yParity: 0)
        #expect(SignatureError.invalidV(2).category == .invalidInput)
    }

    @Test func digestLengthsAreChecked() throws {
        let key = try keyOf(1)
        let sig = try key.sign(digest: digest)
        #expect(throws: KeyError.invalidDigestLength(31)) { try key.sign(digest: Array(digest.dropLast())) }
        #expect(throws: KeyError.invalidDigestLength(0)) { try key.sign(digest: []) }
        #expect(throws: SignatureError.invalidDigestLength(33)) { try sig.recoverPublicKey(digest: digest + [0]) }
        #expect(!sig.isValid(digest: Array(digest.dropLast()), publicKey: key.publicKey))
    }

    @Test func unrecoverableSignature() throws {
        // x = 5 is not the x coordinate of any curve point, so no R exists.
        let r = [UInt8](repeating: 0, count: 31) + [5]
        let sig = try Signature(r: r, s: r, yParity: 0)
        let error = #expect(throws: SignatureError.recoveryFailed) { try sig.recoverAddress(digest: digest) }
        #expect(error?.category == .verificationFailed)
    }
}
