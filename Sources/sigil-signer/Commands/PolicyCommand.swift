import ArgumentParser
import SigilCLI
import SigilCore

struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Work with signing policies.",
        discussion: """
        A policy is a TOML file (policy.toml) or the same keys as a JSON file (policy.json). \
        Every key is optional; unknown keys are refused. A list that is absent does not \
        restrict; an empty list allows nothing. Wei amounts are decimal strings (they exceed \
        TOML's 64-bit integers). In TOML:

          chainIds = ["1", "10"]                       allowed chain ids
          recipients = ["0x…"]                         allowed 'to' (see below), and token
                                                       recipients/spenders of ERC-20 transfer,
                                                       approve and transferFrom calls
          contracts = ["0x…"]                          allowed 'to' of calls (any call data)
          selectors = ["0xa9059cbb"]                   allowed 4-byte function selectors
          maxValueWei = "1000000000000000000"          ether value per transaction
          maxFeeCapWei = "10000000000000000"           gas limit × max fee (or gas price)
          maxDailyValueWei = "5000000000000000000"     sum of values signed per UTC day
          allowContractCreation = false
          allowMessages = false                        sign-message and sign-typed-data
          allowAuthorizations = false                  type 4 (EIP-7702) transactions

        The same in JSON:

          {
            "chainIds": [1, 10],                       allowed chain ids
            "recipients": ["0x…"],                     allowed 'to' (see below), and token
                                                       recipients/spenders of ERC-20 transfer,
                                                       approve and transferFrom calls
            "contracts": ["0x…"],                      allowed 'to' of calls (any call data)
            "selectors": ["0xa9059cbb"],               allowed 4-byte function selectors
            "maxValueWei": "1000000000000000000",      ether value per transaction
            "maxFeeCapWei": "10000000000000000",       gas limit × max fee (or gas price)
            "maxDailyValueWei": "5000000000000000000", sum of values signed per UTC day
            "allowContractCreation": false,
            "allowMessages": false,                    sign-message and sign-typed-data
            "allowAuthorizations": false               type 4 (EIP-7702) transactions
          }

        Which list checks 'to': a plain transfer (no call data) must go to one of \
        'recipients'. A call (any call data) must go to one of 'contracts' when that list is \
        given; when it is absent, 'recipients' restricts the 'to' of calls as well, so no call \
        escapes it. In both cases the recipient or spender inside an ERC-20 transfer, approve \
        or transferFrom call must also be one of 'recipients'. Contract creation is governed by \
        allowContractCreation alone.

        The daily total is kept beside the audit log (<audit log>.state) under a file lock, \
        with the log's head (see 'sigil-signer audit verify --help').

        Off a terminal, sign, sign-message and sign-typed-data with --policy sign whatever the \
        policy allows without asking: --yes is only needed on a terminal.
        """,
        subcommands: [PolicyCheckCommand.self]
    )
}

struct PolicyCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Evaluate a request against a policy without signing (exit 0 allowed, 5 refused).",
        discussion: """
        The request is checked in full first, as 'sign' does (chain id 0, gas limits, fees: \
        exit 65). The daily total counts what the signer recorded today beside the audit log.

        Examples:
          sigil-signer policy check request.json --policy policy.toml
          sigil-signer policy check 0x02f0… --policy policy.json --json
        """
    )

    @Argument(help: ArgumentHelp("The request file, raw-unsigned hex, or - for standard input.", valueName: "request"))
    var request: String

    @Option(name: .long, help: ArgumentHelp("The policy file: policy.toml (TOML) or JSON.", valueName: "file"), completion: .file())
    var policy: String

    @Option(name: .long, help: ArgumentHelp("The audit log whose daily state counts (default: the data directory's).",
                                            valueName: "file"), completion: .file())
    var auditLog: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let loaded = try RequestSigning.load(request)
        try RequestSigning.check(loaded, signer: nil)
        let policy = try PolicyFile.load(policy)
        let log = auditLog ?? DataDirectory.root + "/signer-audit.jsonl"
        let state = try PolicyLedger(path: log + ".state").load()
        let decision = PolicyEngine(policy: policy).evaluate(request: loaded, state: state)
        let verdict = decision.isAllowed ? output.style.success(decision.description) : output.style.failure(decision.description)
        output.emit(line: verdict, json: decision.json)
        if !decision.isAllowed { throw ExitCode(ExitStatus.refusedByPolicy.rawValue) }
    }
}
