/// A Web3 Secret Storage v3 keystore file (as geth, eth-account, ethers, MetaMask and cast write).
///
/// Reading is strict about what matters and tolerant of how other tools spell the rest:
/// `crypto` or `Crypto`, an address with or without `0x` (or none), a missing `id`, extra fields
/// such as `x-ethers` or `meta` (ignored). `version` must be 3. See `KeystoreCrypto.swift` for
/// encryption and decryption.
public struct KeystoreFile: Sendable, Equatable {
    /// The account address as geth writes it: 40 lower-case hex digits without `0x`, if present.
    public var address: String?
    /// The file's UUID text, if present (UUID v4 in files Sigil writes).
    public var id: String?
    /// Always "aes-128-ctr" (anything else is refused when reading).
    public var cipher: String
    public var ciphertext: [UInt8]
    /// The 16-byte AES-CTR initial counter (`crypto.cipherparams.iv`).
    public var iv: [UInt8]
    public var kdf: KeyDerivation
    /// keccak256(derivedKey[16..<32] ++ ciphertext).
    public var mac: [UInt8]

    public init(address: String?, id: String?, ciphertext: [UInt8], iv: [UInt8], kdf: KeyDerivation, mac: [UInt8]) {
        self.address = address
        self.id = id
        self.cipher = "aes-128-ctr"
        self.ciphertext = ciphertext
        self.iv = iv
        self.kdf = kdf
        self.mac = mac
    }

    /// Parses keystore JSON text.
    public init(json: [UInt8]) throws(KeystoreError) {
        let value: JSONValue
        do { value = try JSONParser.parse(json) } catch {
            throw .malformed(path: "(document)", reason: error.description)
        }
        try self.init(json: value)
    }

    /// Reads a parsed keystore document.
    public init(json root: JSONValue) throws(KeystoreError) {
        guard root.objectValue != nil else { throw .malformed(path: "(document)", reason: "expected an object, got \(root.kindName)") }
        let reader = Reader()
        switch root["version"] {
        case .number("3")?, .string("3")?: break
        case nil: throw .malformed(path: "version", reason: "missing")
        case .number(let text)?, .string(let text)?: throw .unsupportedVersion(text)
        case let other?: throw .malformed(path: "version", reason: "expected a number, got \(other.kindName)")
        }
        let crypto: JSONValue
        switch (root["crypto"], root["Crypto"]) {
        case (let lower?, nil): crypto = lower
        case (nil, let upper?): crypto = upper
        case (nil, nil): throw .malformed(path: "crypto", reason: "missing")
        case (_?, _?): throw .malformed(path: "crypto", reason: "both 'crypto' and 'Crypto' are present")
        }
        guard crypto.objectValue != nil else { throw .malformed(path: "crypto", reason: "expected an object, got \(crypto.kindName)") }

        let cipher = try reader.string(crypto["cipher"], "crypto.cipher")
        guard cipher == "aes-128-ctr" else { throw .unsupportedCipher(cipher) }
        let kdfName = try reader.string(crypto["kdf"], "crypto.kdf")
        guard kdfName == "scrypt" || kdfName == "pbkdf2" else { throw .unsupportedKDF(kdfName) }
        let params = crypto["kdfparams"]
        guard params?.objectValue != nil else {
            throw .malformed(path: "crypto.kdfparams", reason: params == nil ? "missing" : "expected an object")
        }
        let dklen = try reader.integer(params?["dklen"], "crypto.kdfparams.dklen")
        let salt = try reader.hex(params?["salt"], "crypto.kdfparams.salt")
        if kdfName == "scrypt" {
            let n = try reader.integer(params?["n"], "crypto.kdfparams.n")
            let r = try reader.integer(params?["r"], "crypto.kdfparams.r")
            let p = try reader.integer(params?["p"], "crypto.kdfparams.p")
            kdf = .scrypt(n: n, r: r, p: p, keyLength: dklen, salt: salt)
        } else {
            let prf = try reader.string(params?["prf"], "crypto.kdfparams.prf")
            guard prf == "hmac-sha256" else { throw .unsupportedPRF(prf) }
            kdf = .pbkdf2(iterations: try reader.integer(params?["c"], "crypto.kdfparams.c"), keyLength: dklen, salt: salt)
        }
        try kdf.validate()

        self.cipher = cipher
        iv = try reader.hex(crypto["cipherparams"]?["iv"], "crypto.cipherparams.iv", count: 16)
        ciphertext = try reader.hex(crypto["ciphertext"], "crypto.ciphertext")
        guard !ciphertext.isEmpty, ciphertext.count <= 1024 else {
            throw .malformed(path: "crypto.ciphertext", reason: "must hold 1 to 1024 bytes, got \(ciphertext.count)")
        }
        mac = try reader.hex(crypto["mac"], "crypto.mac", count: 32)

        switch root["address"] {
        case nil, .null?: address = nil
        case let value?:
            address = Hex.encode(try reader.hex(value, "address", count: 20), prefix: false)
        }
        switch root["id"] {
        case nil, .null?: id = nil
        case let value?: id = try reader.string(value, "id")
        }
    }

    /// The file text in geth's layout: `{"address":…,"crypto":{"cipher":…,"ciphertext":…,
    /// "cipherparams":{"iv":…},"kdf":…,"kdfparams":{…},"mac":…},"id":…,"version":3}`.
    public func jsonText() -> String {
        jsonValue.serialized()
    }

    /// The document as a `JSONValue` (same layout as `jsonText()`).
    public var jsonValue: JSONValue {
        let crypto: JSONValue = .object([
            ("cipher", .string(cipher)),
            ("ciphertext", .string(Hex.encode(ciphertext, prefix: false))),
            ("cipherparams", .object([("iv", .string(Hex.encode(iv, prefix: false)))])),
            ("kdf", .string(kdf.name)),
            ("kdfparams", kdf.parametersJSON),
            ("mac", .string(Hex.encode(mac, prefix: false))),
        ])
        var members: [(String, JSONValue)] = []
        if let address { members.append(("address", .string(address))) }
        members.append(("crypto", crypto))
        if let id { members.append(("id", .string(id))) }
        members.append(("version", .integer(3)))
        return .object(members)
    }
}

/// Field readers that name the JSON path in their errors.
private struct Reader {
    func string(_ value: JSONValue?, _ path: String) throws(KeystoreError) -> String {
        guard let value else { throw .malformed(path: path, reason: "missing") }
        guard let text = value.stringValue else { throw .malformed(path: path, reason: "expected a string, got \(value.kindName)") }
        return text
    }

    func integer(_ value: JSONValue?, _ path: String) throws(KeystoreError) -> Int {
        guard let value else { throw .malformed(path: path, reason: "missing") }
        guard case .number(let text) = value else {
            throw .malformed(path: path, reason: "expected an integer, got \(value.kindName)")
        }
        guard let number = Int(text) else { throw .malformed(path: path, reason: "expected an integer, got \(text.prefix(24))") }
        return number
    }

    func hex(_ value: JSONValue?, _ path: String, count: Int? = nil) throws(KeystoreError) -> [UInt8] {
        let text = try string(value, path)
        let bytes: [UInt8]
        do { bytes = try Hex.decode(text, prefix: .optional) } catch {
            throw .malformed(path: path, reason: error.description)
        }
        if let count, bytes.count != count {
            throw .malformed(path: path, reason: "expected \(count) bytes, got \(bytes.count)")
        }
        return bytes
    }
}
