import SigilCLI
import SigilCore
import SigilNet

/// The verdict of `verify message` and `verify typed-data` on a signature of a 32-byte hash:
/// by recovering the signer (`ecrecover`) when that gives the address, offline; otherwise by the
/// signer's contract (ERC-1271 `isValidSignature`, or ERC-6492 for a wallet not yet deployed)
/// when peers are given and the address has code or the signature is wrapped. Exit 0 and the method when valid, exit 3 when not.
struct SignatureVerdict {
    let hash: [UInt8]
    /// The signature bytes as given: 65 bytes for an EOA, anything for a contract wallet.
    let signature: [UInt8]
    let expected: NamedAddress
    /// `--strict`: a high-s EOA signature (s > n/2) is refused.
    let strict: Bool
    /// The peers to ask about contract wallets; nil: offline, `ecrecover` only.
    let network: NetworkOptions?

    /// `--address` (an ENS name needs peers) and the signature text, read for these options.
    static func read(address: String, signature: String, network: NetworkOptions) throws -> (NamedAddress, [UInt8], NetworkOptions?) {
        let bytes = try Hex.decode(signature.trimmingWhitespace())
        guard try !network.rpcURLs().isEmpty else {
            if NamedAddress.isENSName(address) {
                throw CommandFailure(.usage, "--address \(DisplayText.escaped(address)) is an ENS name: give --rpc URL or --network NAME to resolve it")
            }
            return (try NamedAddress.local(address), bytes, nil)
        }
        return (try network.resolveAddress(address), bytes, network)
    }

    func report(output: OutputOptions) throws {
        // A plain signature that recovers to the address proves it offline: no peer is asked,
        // so a configured network that is down never stops an auditor's check.
        if !ERC6492Signature.isWrapped(signature), let parsed = try? Signature(bytes: signature),
           (try? parsed.recoverAddress(digest: hash)) == expected.address {
            if strict && !parsed.isLowS { throw Self.highS }
            return emit(method: .ecrecover, label: nil, output: output)
        }
        if let network {
            let verdict: ContractSignatureVerdict?
            do {
                verdict = try ContractSignatureCheck(reader: network.reader()).check(signer: expected.address, hash: hash, signature: signature)
            } catch let error as CommandFailure {
                throw error
            } catch {
                throw CommandFailure(.network, "the signature does not recover to \(expected.display), and the peers could not be asked "
                    + "whether it is a contract wallet (ERC-1271/6492): \(DisplayText.escaped("\(error)"))")
            }
            if let verdict { return try contract(verdict, output: output) }
        }
        let parsed: Signature
        do { parsed = try Signature(bytes: signature) } catch {
            if ERC6492Signature.isWrapped(signature) {
                throw CommandFailure(.usage, "an ERC-6492 (counterfactual wallet) signature: give --rpc URL or --network NAME to check it")
            }
            throw CommandFailure(.invalidInput, "\(error)" + (network == nil ? " (a contract wallet's signature needs --rpc URL or --network NAME)" : ""))
        }
        if strict && !parsed.isLowS { throw Self.highS }
        let signer = try VerificationReport.recover { try parsed.recoverAddress(digest: hash) }
        guard signer == expected.address else {
            let hint = network == nil ? "; if \(expected.address.checksummed) is a contract wallet, give --rpc URL or --network NAME to ask it (ERC-1271/6492)" : ""
            throw CommandFailure(.verificationFailed,
                "signature is valid but was made by \(signer.checksummed), not \(expected.display)" + hint)
        }
        emit(method: .ecrecover, label: nil, output: output)
    }

    static let highS = CommandFailure(.verificationFailed,
        "high-s signature refused (--strict): s > n/2 is the malleable twin of a valid signature, not what a compliant signer makes")

    private func contract(_ verdict: ContractSignatureVerdict, output: OutputOptions) throws {
        let method = verdict.method.rawValue
        guard verdict.valid else {
            let how = verdict.method == .erc6492 ? "after its factory call (ERC-6492)" : "(ERC-1271 isValidSignature)"
            throw CommandFailure(.verificationFailed, "invalid signature: the contract wallet \(expected.display) does not accept it \(how)"
                + (verdict.reason.map { ": \($0)" } ?? ""))
        }
        let label = VerificationOutput.unproved("\(method) is answered by the peer's eth_call, which no proof covers")
        emit(method: verdict.method, label: label, output: output)
    }

    private func emit(method: SignatureMethod, label: (field: (String, String), json: (String, JSONValue))?, output: OutputOptions) {
        if let label, !output.json { StandardStreams.writeError("\(label.field.0): \(label.field.1)\n") }
        let how = method == .ecrecover ? "ecrecover" : "\(method.rawValue), the wallet's isValidSignature"
        output.emit(line: output.style.success("valid") + ": signed by \(expected.display) (\(how))",
                    json: .object([("valid", .bool(true)), ("signer", .string(expected.address.checksummed))]
                                  + (expected.name.map { [("name", .string($0))] } ?? [])
                                  + [("method", .string(method.rawValue))] + (label.map { [$0.json] } ?? [])))
    }
}
