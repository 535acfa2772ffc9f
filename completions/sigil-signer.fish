function __sigil-signer_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __sigil-signer_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __sigil-signer_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __sigil-signer_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __sigil-signer_parse_tokens -S
    set -l unparsed_tokens (__sigil-signer_tokens -pc)
    switch $unparsed_tokens[1]
    case 'sigil-signer'
        __sigil-signer_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'address'
            __sigil-signer_parse_subcommand 0 'from=' 'private-key-file=' 'keystore=' 'strict-permissions' 'password-file=' 'json' 'color=' 'version' 'h/help'
        case 'list'
            __sigil-signer_parse_subcommand 0 'keystore=' 'strict-permissions' 'json' 'color=' 'version' 'h/help'
        case 'sign'
            __sigil-signer_parse_subcommand 1 'o/output=' 'policy=' 'audit-log=' 'yes' 'from=' 'private-key-file=' 'keystore=' 'strict-permissions' 'password-file=' 'json' 'color=' 'version' 'h/help'
        case 'sign-message'
            __sigil-signer_parse_subcommand 1 'hex' 'text' 'file=' 'policy=' 'audit-log=' 'yes' 'from=' 'private-key-file=' 'keystore=' 'strict-permissions' 'password-file=' 'json' 'color=' 'version' 'h/help'
        case 'sign-typed-data'
            __sigil-signer_parse_subcommand 1 'policy=' 'audit-log=' 'yes' 'from=' 'private-key-file=' 'keystore=' 'strict-permissions' 'password-file=' 'json' 'color=' 'version' 'h/help'
        case 'policy'
            __sigil-signer_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'check'
                __sigil-signer_parse_subcommand 1 'policy=' 'audit-log=' 'json' 'color=' 'version' 'h/help'
            end
        case 'audit'
            __sigil-signer_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'verify'
                __sigil-signer_parse_subcommand 1 'json' 'color=' 'version' 'h/help'
            end
        case 'verify'
            __sigil-signer_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'receipt'
                __sigil-signer_parse_subcommand 1 'block-hash=' 'json' 'color=' 'version' 'h/help'
            end
        case 'help'
            __sigil-signer_parse_subcommand -r 1 'version'
        end
    end
end

function __sigil-signer_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __sigil-signer_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __sigil-signer_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __sigil-signer_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__sigil-signer_tokens -p)
    if test -z "$(__sigil-signer_tokens -t)"
        set -l index (count (__sigil-signer_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'sigil-signer' -f
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer" version' -l 'version' -d 'Show the version.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_positional "sigil-signer" -eq 1' -fa 'address' -d 'Print the address of the signing key.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_positional "sigil-signer" -eq 1' -fa 'list' -d 'List the keystore accounts this signer can use.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_positional "sigil-signer" -eq 1' -fa 'sign' -d 'Sign an unsigned transaction request: a sigil, JSON-RPC or eth-account JSON file, or cast --raw-unsigned hex.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_positional "sigil-signer" -eq 1' -fa 'sign-message' -d 'Sign a message with EIP-191 (personal_sign): 65-byte r‖s‖v, v = 27/28.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_positional "sigil-signer" -eq 1' -fa 'sign-typed-data' -d 'Sign EIP-712 typed data (an eth_signTypedData_v4 JSON document).'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_positional "sigil-signer" -eq 1' -fa 'policy' -d 'Work with signing policies.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_positional "sigil-signer" -eq 1' -fa 'audit' -d 'Check the signer\'s audit log.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_positional "sigil-signer" -eq 1' -fa 'verify' -d 'Offline checks: a receipt proof from `sigil tx proof`.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_positional "sigil-signer" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer address" from' -l 'from' -d 'Keystore account to sign with: its address or local name.' -rfka '(__sigil-signer_custom_completion ---completion address -- --from (count (__sigil-signer_tokens -pc)) (__sigil-signer_tokens -tC))'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer address" private-key-file' -l 'private-key-file' -d 'File holding a hex private key (64 hex digits, optional 0x), or - for standard input.' -rF
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer address" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil-signer_complete_directories)'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer address" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer address" password-file' -l 'password-file' -d 'File whose first line is the keystore password (else SIGIL_PASSWORD, else a prompt on a terminal).' -rF
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer address" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer address" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer address" version' -l 'version' -d 'Show the version.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer address" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer list" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil-signer_complete_directories)'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer list" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer list" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer list" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer list" version' -l 'version' -d 'Show the version.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign" o output' -s 'o' -l 'output' -d 'Write the result to this new file.' -rF
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign" policy' -l 'policy' -d 'Signing policy: policy.toml or policy.json (see \'sigil-signer policy --help\'); a refusal exits 5.' -rF
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign" audit-log' -l 'audit-log' -d 'Audit log (JSON Lines, hash-chained). Default: <data dir>/signer-audit.jsonl.' -rF
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign" yes' -l 'yes' -d 'Sign without asking on a terminal; only together with --policy (off a terminal, a policy decides without asking).'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign" from' -l 'from' -d 'Keystore account to sign with: its address or local name.' -rfka '(__sigil-signer_custom_completion ---completion sign -- --from (count (__sigil-signer_tokens -pc)) (__sigil-signer_tokens -tC))'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign" private-key-file' -l 'private-key-file' -d 'File holding a hex private key (64 hex digits, optional 0x), or - for standard input.' -rF
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil-signer_complete_directories)'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign" password-file' -l 'password-file' -d 'File whose first line is the keystore password (else SIGIL_PASSWORD, else a prompt on a terminal).' -rF
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign" version' -l 'version' -d 'Show the version.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-message" hex' -l 'hex' -d 'The message argument must be hex bytes (0x…); refused otherwise.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-message" text' -l 'text' -d 'The message argument is text even when it starts with 0x.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-message" file' -l 'file' -d 'Read the message bytes from a file (- for standard input).' -rF
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-message" policy' -l 'policy' -d 'Signing policy: policy.toml or policy.json (see \'sigil-signer policy --help\'); a refusal exits 5.' -rF
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-message" audit-log' -l 'audit-log' -d 'Audit log (JSON Lines, hash-chained). Default: <data dir>/signer-audit.jsonl.' -rF
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-message" yes' -l 'yes' -d 'Sign without asking on a terminal; only together with --policy (off a terminal, a policy decides without asking).'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-message" from' -l 'from' -d 'Keystore account to sign with: its address or local name.' -rfka '(__sigil-signer_custom_completion ---completion sign-message -- --from (count (__sigil-signer_tokens -pc)) (__sigil-signer_tokens -tC))'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-message" private-key-file' -l 'private-key-file' -d 'File holding a hex private key (64 hex digits, optional 0x), or - for standard input.' -rF
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-message" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil-signer_complete_directories)'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-message" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-message" password-file' -l 'password-file' -d 'File whose first line is the keystore password (else SIGIL_PASSWORD, else a prompt on a terminal).' -rF
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-message" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-message" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-message" version' -l 'version' -d 'Show the version.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-message" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_positional "sigil-signer sign-typed-data" -eq 1' -F
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-typed-data" policy' -l 'policy' -d 'Signing policy: policy.toml or policy.json (see \'sigil-signer policy --help\'); a refusal exits 5.' -rF
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-typed-data" audit-log' -l 'audit-log' -d 'Audit log (JSON Lines, hash-chained). Default: <data dir>/signer-audit.jsonl.' -rF
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-typed-data" yes' -l 'yes' -d 'Sign without asking on a terminal; only together with --policy (off a terminal, a policy decides without asking).'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-typed-data" from' -l 'from' -d 'Keystore account to sign with: its address or local name.' -rfka '(__sigil-signer_custom_completion ---completion sign-typed-data -- --from (count (__sigil-signer_tokens -pc)) (__sigil-signer_tokens -tC))'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-typed-data" private-key-file' -l 'private-key-file' -d 'File holding a hex private key (64 hex digits, optional 0x), or - for standard input.' -rF
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-typed-data" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil-signer_complete_directories)'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-typed-data" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-typed-data" password-file' -l 'password-file' -d 'File whose first line is the keystore password (else SIGIL_PASSWORD, else a prompt on a terminal).' -rF
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-typed-data" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-typed-data" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-typed-data" version' -l 'version' -d 'Show the version.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer sign-typed-data" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer policy" version' -l 'version' -d 'Show the version.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer policy" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_positional "sigil-signer policy" -eq 1' -fa 'check' -d 'Evaluate a request against a policy without signing (exit 0 allowed, 5 refused).'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer policy check" policy' -l 'policy' -d 'The policy file: policy.toml (TOML) or JSON.' -rF
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer policy check" audit-log' -l 'audit-log' -d 'The audit log whose daily state counts (default: the data directory\'s).' -rF
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer policy check" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer policy check" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer policy check" version' -l 'version' -d 'Show the version.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer policy check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer audit" version' -l 'version' -d 'Show the version.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer audit" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_positional "sigil-signer audit" -eq 1' -fa 'verify' -d 'Recompute the audit log\'s hash chain (exit 0 intact, 3 broken, naming the first bad line).'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_positional "sigil-signer audit verify" -eq 1' -F
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer audit verify" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer audit verify" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer audit verify" version' -l 'version' -d 'Show the version.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer audit verify" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer verify" version' -l 'version' -d 'Show the version.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer verify" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_positional "sigil-signer verify" -eq 1' -fa 'receipt' -d 'Check a receipt proof (from `sigil tx proof`) offline: the transaction is in that block, with that receipt.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_positional "sigil-signer verify receipt" -eq 1' -F
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer verify receipt" block-hash' -l 'block-hash' -d 'The block hash the proof must be for.' -rfka ''
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer verify receipt" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer verify receipt" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer verify receipt" version' -l 'version' -d 'Show the version.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer verify receipt" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer help" version' -l 'version' -d 'Show the version.'
