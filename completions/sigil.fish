function __sigil_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __sigil_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __sigil_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __sigil_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __sigil_parse_tokens -S
    set -l unparsed_tokens (__sigil_tokens -pc)
    switch $unparsed_tokens[1]
    case 'sigil'
        __sigil_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'key'
            __sigil_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'new'
                __sigil_parse_subcommand 0 'name=' 'light' 'keystore=' 'strict-permissions' 'password-file=' 'json' 'color=' 'version' 'h/help'
            case 'import'
                __sigil_parse_subcommand 0 'private-key-file=' 'keystore-file=' 'mnemonic-file=' 'passphrase-file=' 'path=' 'name=' 'light' 'keystore=' 'strict-permissions' 'password-file=' 'json' 'color=' 'version' 'h/help'
            case 'export'
                __sigil_parse_subcommand 1 'private-key' 'yes' 'keystore=' 'strict-permissions' 'password-file=' 'color=' 'version' 'h/help'
            case 'list'
                __sigil_parse_subcommand 0 'keystore=' 'strict-permissions' 'json' 'color=' 'version' 'h/help'
            case 'inspect'
                __sigil_parse_subcommand 1 'private-key-file=' 'keystore=' 'strict-permissions' 'json' 'color=' 'version' 'h/help'
            case 'change-password'
                __sigil_parse_subcommand 1 'light' 'keystore=' 'strict-permissions' 'password-file=' 'new-password-file=' 'json' 'color=' 'version' 'h/help'
            case 'remove'
                __sigil_parse_subcommand 1 'yes' 'keystore=' 'strict-permissions' 'json' 'color=' 'version' 'h/help'
            case 'vanity'
                __sigil_parse_subcommand 0 'prefix=' 'suffix=' 'checksum-case' 'threads=' 'name=' 'light' 'keystore=' 'strict-permissions' 'password-file=' 'json' 'color=' 'version' 'h/help'
            end
        case 'mnemonic'
            __sigil_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'new'
                __sigil_parse_subcommand 0 'words=' 'output=' 'color=' 'version' 'h/help'
            case 'derive'
                __sigil_parse_subcommand 0 'mnemonic-file=' 'passphrase-file=' 'path=' 'index=' 'count=' 'private-keys' 'json' 'color=' 'version' 'h/help'
            end
        case 'sign'
            __sigil_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'message'
                __sigil_parse_subcommand 1 'hex' 'file=' 'from=' 'private-key-file=' 'keystore=' 'strict-permissions' 'password-file=' 'json' 'color=' 'version' 'h/help'
            case 'typed-data'
                __sigil_parse_subcommand 1 'from=' 'private-key-file=' 'keystore=' 'strict-permissions' 'password-file=' 'json' 'color=' 'version' 'h/help'
            case 'tx'
                __sigil_parse_subcommand 1 'batch=' 'o/output=' 'threads=' 'yes' 'from=' 'private-key-file=' 'keystore=' 'strict-permissions' 'password-file=' 'json' 'color=' 'version' 'h/help'
            case 'hash'
                __sigil_parse_subcommand 1 'raw-digest' 'from=' 'private-key-file=' 'keystore=' 'strict-permissions' 'password-file=' 'json' 'color=' 'version' 'h/help'
            case 'authorization'
                __sigil_parse_subcommand 1 'chain-id=' 'nonce=' 'any-chain' 'from=' 'private-key-file=' 'keystore=' 'strict-permissions' 'password-file=' 'json' 'color=' 'version' 'h/help'
            end
        case 'verify'
            __sigil_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'message'
                __sigil_parse_subcommand 1 'hex' 'file=' 'address=' 'signature=' 'json' 'color=' 'version' 'h/help'
            case 'typed-data'
                __sigil_parse_subcommand 1 'address=' 'signature=' 'json' 'color=' 'version' 'h/help'
            case 'tx'
                __sigil_parse_subcommand 1 'from=' 'json' 'color=' 'version' 'h/help'
            end
        case 'recover'
            __sigil_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'message'
                __sigil_parse_subcommand 1 'hex' 'file=' 'signature=' 'json' 'color=' 'version' 'h/help'
            case 'typed-data'
                __sigil_parse_subcommand 1 'signature=' 'json' 'color=' 'version' 'h/help'
            case 'tx'
                __sigil_parse_subcommand 1 'json' 'color=' 'version' 'h/help'
            end
        case 'tx'
            __sigil_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'build'
                __sigil_parse_subcommand -r 1 'from=' 'to=' 'value=' 'data=' 'call=' 'token=' 'amount=' 'gas-limit=' 'max-fee=' 'priority-fee=' 'legacy' 'chain-id=' 'o/output=' 'keystore=' 'strict-permissions' 'network=' 'config=' 'rpc=+' 'timeout=' 'color=' 'version' 'h/help'
            case 'decode'
                __sigil_parse_subcommand 1 'batch=' 'threads=' 'json' 'color=' 'version' 'h/help'
            case 'hash'
                __sigil_parse_subcommand 1 'json' 'color=' 'version' 'h/help'
            case 'list'
                __sigil_parse_subcommand 0 'address=' 'chain-id=' 'json' 'color=' 'version' 'h/help'
            case 'status'
                __sigil_parse_subcommand 1 'rpc=+' 'timeout=' 'json' 'color=' 'version' 'h/help'
            case 'bump'
                __sigil_parse_subcommand 1 'max-fee=' 'priority-fee=' 'chain-id=' 'yes' 'from=' 'private-key-file=' 'keystore=' 'strict-permissions' 'password-file=' 'network=' 'config=' 'rpc=+' 'timeout=' 'peer=+' 'p2p-mode=' 'p2p-only' 'json' 'color=' 'version' 'h/help'
            case 'cancel'
                __sigil_parse_subcommand 1 'max-fee=' 'priority-fee=' 'chain-id=' 'yes' 'from=' 'private-key-file=' 'keystore=' 'strict-permissions' 'password-file=' 'network=' 'config=' 'rpc=+' 'timeout=' 'peer=+' 'p2p-mode=' 'p2p-only' 'json' 'color=' 'version' 'h/help'
            case 'rebroadcast'
                __sigil_parse_subcommand 1 'quorum=' 'network=' 'config=' 'rpc=+' 'timeout=' 'peer=+' 'p2p-mode=' 'p2p-only' 'json' 'color=' 'version' 'h/help'
            end
        case 'abi'
            __sigil_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'encode'
                __sigil_parse_subcommand -r 2 'calldata' 'json' 'color=' 'version' 'h/help'
            case 'decode'
                __sigil_parse_subcommand 2 'json' 'color=' 'version' 'h/help'
            case 'selector'
                __sigil_parse_subcommand 1 'json' 'color=' 'version' 'h/help'
            end
        case 'hash'
            __sigil_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'keccak'
                __sigil_parse_subcommand 1 'text' 'json' 'color=' 'version' 'h/help'
            end
        case 'units'
            __sigil_parse_subcommand 1 'to=' 'json' 'color=' 'version' 'h/help'
        case 'config'
            __sigil_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'show'
                __sigil_parse_subcommand 0 'network=' 'config=' 'rpc=+' 'timeout=' 'from=' 'keystore=' 'strict-permissions' 'json' 'color=' 'version' 'h/help'
            end
        case 'send'
            __sigil_parse_subcommand -r 1 'to=' 'value=' 'data=' 'call=' 'token=' 'amount=' 'gas-limit=' 'max-fee=' 'priority-fee=' 'legacy' 'chain-id=' 'batch=' 'batch-name=' 'dry-run' 'quorum=' 'wait' 'confirmations=' 'wait-timeout=' 'yes' 'from=' 'private-key-file=' 'keystore=' 'strict-permissions' 'password-file=' 'network=' 'config=' 'rpc=+' 'timeout=' 'peer=+' 'p2p-mode=' 'p2p-only' 'json' 'color=' 'version' 'h/help'
        case 'broadcast'
            __sigil_parse_subcommand 1 'quorum=' 'network=' 'config=' 'rpc=+' 'timeout=' 'peer=+' 'p2p-mode=' 'p2p-only' 'json' 'color=' 'version' 'h/help'
        case 'p2p'
            __sigil_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'ping'
                __sigil_parse_subcommand 1 'timeout=' 'json' 'color=' 'version' 'h/help'
            end
        case 'balance'
            __sigil_parse_subcommand 1 'token=' 'block=' 'network=' 'config=' 'rpc=+' 'timeout=' 'json' 'color=' 'version' 'h/help'
        case 'nonce'
            __sigil_parse_subcommand 1 'block=' 'network=' 'config=' 'rpc=+' 'timeout=' 'json' 'color=' 'version' 'h/help'
        case 'chain-id'
            __sigil_parse_subcommand 0 'network=' 'config=' 'rpc=+' 'timeout=' 'json' 'color=' 'version' 'h/help'
        case 'fees'
            __sigil_parse_subcommand 0 'network=' 'config=' 'rpc=+' 'timeout=' 'json' 'color=' 'version' 'h/help'
        case 'help'
            __sigil_parse_subcommand -r 1 'version'
        end
    end
end

function __sigil_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __sigil_parse_subcommand -S -a positional_count
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

function __sigil_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __sigil_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__sigil_tokens -p)
    if test -z "$(__sigil_tokens -t)"
        set -l index (count (__sigil_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'sigil' -f
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil" -eq 1' -fa 'key' -d 'Create, import, inspect and manage keys in the keystore.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil" -eq 1' -fa 'mnemonic' -d 'Create BIP-39 mnemonics and derive Ethereum accounts from them (BIP-32/44).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil" -eq 1' -fa 'sign' -d 'Sign messages, typed data, transactions and authorizations.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil" -eq 1' -fa 'verify' -d 'Check that a signature is valid and made by the expected address (exit 0 only then).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil" -eq 1' -fa 'recover' -d 'Recover the address that made a signature.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil" -eq 1' -fa 'tx' -d 'Decode, hash and inspect transactions.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil" -eq 1' -fa 'abi' -d 'Encode and decode Solidity ABI data; compute selectors.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil" -eq 1' -fa 'hash' -d 'Hash data.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil" -eq 1' -fa 'units' -d 'Convert an amount between wei, gwei and ether, exactly.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil" -eq 1' -fa 'config' -d 'Show the effective settings and where each comes from.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil" -eq 1' -fa 'send' -d 'Build, preview, sign, journal and broadcast a payment to every peer; optionally wait.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil" -eq 1' -fa 'broadcast' -d 'Send a signed transaction to every peer at once; show each peer\'s answer.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil" -eq 1' -fa 'p2p' -d 'Talk to Ethereum nodes directly over devp2p (RLPx, eth/68).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil" -eq 1' -fa 'balance' -d 'Show an address\'s ether balance, or its ERC-20 balance with --token.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil" -eq 1' -fa 'nonce' -d 'Show an address\'s transaction count (its next nonce with --block pending).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil" -eq 1' -fa 'chain-id' -d 'Ask every peer for its chain id; fail if they disagree.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil" -eq 1' -fa 'fees' -d 'Show the current gas price, next base fee and a suggested priority fee.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil key" -eq 1' -fa 'new' -d 'Create a new random key in the keystore.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil key" -eq 1' -fa 'import' -d 'Import a private key or another keystore file into the keystore.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil key" -eq 1' -fa 'export' -d 'Print an account\'s keystore JSON, or (explicitly) its raw private key.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil key" -eq 1' -fa 'list' -d 'List the accounts in the keystore (address, name, KDF, file).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil key" -eq 1' -fa 'inspect' -d 'Show a key\'s address and public key, or a keystore account\'s details; never the secret.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil key" -eq 1' -fa 'change-password' -d 'Re-encrypt an account with a new password (same KDF strength unless --light).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil key" -eq 1' -fa 'remove' -d 'Delete an account\'s key file from the keystore.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil key" -eq 1' -fa 'vanity' -d 'Search for a key whose address starts and/or ends with given hex digits; save it.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key new" name' -l 'name' -d 'A local name for the account (the file name).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key new" light' -l 'light' -d 'Use light scrypt parameters (n=4096, p=6): fast, for test keys.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key new" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil_complete_directories)'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key new" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key new" password-file' -l 'password-file' -d 'File whose first line is the keystore password (else SIGIL_PASSWORD, else a prompt on a terminal).' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key new" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key new" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key new" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key new" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key import" private-key-file' -l 'private-key-file' -d 'File holding a hex private key, or - for standard input.' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key import" keystore-file' -l 'keystore-file' -d 'A v3 keystore file written by another tool.' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key import" mnemonic-file' -l 'mnemonic-file' -d 'File holding the BIP-39 mnemonic (- for standard input).' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key import" passphrase-file' -l 'passphrase-file' -d 'File whose first line is the BIP-39 passphrase (the "25th word").' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key import" path' -l 'path' -d 'With --mnemonic-file: the derivation path (default m/44\'/60\'/0\'/0/0).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key import" name' -l 'name' -d 'A local name for the account (the file name).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key import" light' -l 'light' -d 'Use light scrypt parameters (n=4096, p=6): fast, for test keys.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key import" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil_complete_directories)'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key import" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key import" password-file' -l 'password-file' -d 'File whose first line is the keystore password (else SIGIL_PASSWORD, else a prompt on a terminal).' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key import" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key import" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key import" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key import" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil key export" -eq 1' -fka '(__sigil_custom_completion ---completion key export -- positional@0 (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key export" private-key' -l 'private-key' -d 'Print the raw private key (hex) instead of the keystore JSON.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key export" yes' -l 'yes' -d 'With --private-key: do not ask for confirmation (required off a terminal).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key export" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil_complete_directories)'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key export" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key export" password-file' -l 'password-file' -d 'File whose first line is the keystore password (else SIGIL_PASSWORD, else a prompt on a terminal).' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key export" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key export" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key list" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil_complete_directories)'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key list" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key list" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key list" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key list" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil key inspect" -eq 1' -fka '(__sigil_custom_completion ---completion key inspect -- positional@0 (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key inspect" private-key-file' -l 'private-key-file' -d 'File holding a hex private key, or - for standard input.' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key inspect" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil_complete_directories)'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key inspect" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key inspect" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key inspect" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key inspect" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key inspect" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil key change-password" -eq 1' -fka '(__sigil_custom_completion ---completion key change-password -- positional@0 (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key change-password" light' -l 'light' -d 'Use light scrypt parameters (n=4096, p=6) for the new encryption.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key change-password" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil_complete_directories)'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key change-password" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key change-password" password-file' -l 'password-file' -d 'File whose first line is the keystore password (else SIGIL_PASSWORD, else a prompt on a terminal).' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key change-password" new-password-file' -l 'new-password-file' -d 'File whose first line is the new password (else SIGIL_NEW_PASSWORD, else a prompt asked twice).' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key change-password" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key change-password" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key change-password" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key change-password" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil key remove" -eq 1' -fka '(__sigil_custom_completion ---completion key remove -- positional@0 (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key remove" yes' -l 'yes' -d 'Do not ask for confirmation (required off a terminal).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key remove" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil_complete_directories)'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key remove" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key remove" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key remove" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key remove" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key remove" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key vanity" prefix' -l 'prefix' -d 'Hex digits the address must start with (after 0x).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key vanity" suffix' -l 'suffix' -d 'Hex digits the address must end with.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key vanity" checksum-case' -l 'checksum-case' -d 'Match the letters\' case in the EIP-55 checksummed address too.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key vanity" threads' -l 'threads' -d 'Worker threads (default: all cores).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key vanity" name' -l 'name' -d 'A local name for the account.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key vanity" light' -l 'light' -d 'Use light scrypt parameters (n=4096, p=6) for the key file.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key vanity" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil_complete_directories)'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key vanity" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key vanity" password-file' -l 'password-file' -d 'File whose first line is the keystore password (else SIGIL_PASSWORD, else a prompt on a terminal).' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key vanity" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key vanity" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key vanity" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil key vanity" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil mnemonic" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil mnemonic" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil mnemonic" -eq 1' -fa 'new' -d 'Generate a new random BIP-39 mnemonic (English).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil mnemonic" -eq 1' -fa 'derive' -d 'Derive addresses (and, with --private-keys, keys) from a mnemonic.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil mnemonic new" words' -l 'words' -d 'Number of words: 12, 15, 18, 21 or 24.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil mnemonic new" output' -l 'output' -d 'Write the mnemonic to this new file (0600) instead of stdout.' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil mnemonic new" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil mnemonic new" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil mnemonic new" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil mnemonic derive" mnemonic-file' -l 'mnemonic-file' -d 'File holding the BIP-39 mnemonic (- for standard input).' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil mnemonic derive" passphrase-file' -l 'passphrase-file' -d 'File whose first line is the BIP-39 passphrase (the "25th word").' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil mnemonic derive" path' -l 'path' -d 'A full derivation path, e.g. m/44\'/60\'/0\'/0/0, or a template with {i} for --index/--count.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil mnemonic derive" index' -l 'index' -d 'Indices on the default path (or the {i} of --path): 0..9, 3, or 0,5,7.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil mnemonic derive" count' -l 'count' -d 'Derive indices 0..N-1 on the default path (or the {i} of --path).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil mnemonic derive" private-keys' -l 'private-keys' -d 'Also print the private keys (secret!).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil mnemonic derive" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil mnemonic derive" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil mnemonic derive" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil mnemonic derive" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil sign" -eq 1' -fa 'message' -d 'Sign a message with EIP-191 (personal_sign): 65-byte r‖s‖v, v = 27/28.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil sign" -eq 1' -fa 'typed-data' -d 'Sign EIP-712 typed data (an eth_signTypedData_v4 JSON document).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil sign" -eq 1' -fa 'tx' -d 'Sign an unsigned transaction request (sigil.unsigned-tx/1 file or cast --raw-unsigned hex).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil sign" -eq 1' -fa 'hash' -d 'Sign a raw 32-byte digest (dangerous: only with --raw-digest).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil sign" -eq 1' -fa 'authorization' -d 'Sign an EIP-7702 authorization: delegate this account\'s code to a contract.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign message" hex' -l 'hex' -d 'The message argument is hex bytes (0x…), not text.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign message" file' -l 'file' -d 'Read the message bytes from a file (- for standard input).' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign message" from' -l 'from' -d 'Keystore account to sign with: its address or local name.' -rfka '(__sigil_custom_completion ---completion sign message -- --from (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign message" private-key-file' -l 'private-key-file' -d 'File holding a hex private key (64 hex digits, optional 0x), or - for standard input.' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign message" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil_complete_directories)'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign message" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign message" password-file' -l 'password-file' -d 'File whose first line is the keystore password (else SIGIL_PASSWORD, else a prompt on a terminal).' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign message" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign message" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign message" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign message" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil sign typed-data" -eq 1' -F
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign typed-data" from' -l 'from' -d 'Keystore account to sign with: its address or local name.' -rfka '(__sigil_custom_completion ---completion sign typed-data -- --from (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign typed-data" private-key-file' -l 'private-key-file' -d 'File holding a hex private key (64 hex digits, optional 0x), or - for standard input.' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign typed-data" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil_complete_directories)'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign typed-data" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign typed-data" password-file' -l 'password-file' -d 'File whose first line is the keystore password (else SIGIL_PASSWORD, else a prompt on a terminal).' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign typed-data" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign typed-data" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign typed-data" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign typed-data" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign tx" batch' -l 'batch' -d 'Sign every request in a JSON Lines file.' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign tx" o output' -s 'o' -l 'output' -d 'Write the result to this new file.' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign tx" threads' -l 'threads' -d 'With --batch: signing threads (default: all cores).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign tx" yes' -l 'yes' -d 'Do not ask for confirmation on a terminal.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign tx" from' -l 'from' -d 'Keystore account to sign with: its address or local name.' -rfka '(__sigil_custom_completion ---completion sign tx -- --from (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign tx" private-key-file' -l 'private-key-file' -d 'File holding a hex private key (64 hex digits, optional 0x), or - for standard input.' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign tx" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil_complete_directories)'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign tx" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign tx" password-file' -l 'password-file' -d 'File whose first line is the keystore password (else SIGIL_PASSWORD, else a prompt on a terminal).' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign tx" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign tx" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign tx" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign tx" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign hash" raw-digest' -l 'raw-digest' -d 'Confirm that you mean to sign a raw digest you cannot inspect.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign hash" from' -l 'from' -d 'Keystore account to sign with: its address or local name.' -rfka '(__sigil_custom_completion ---completion sign hash -- --from (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign hash" private-key-file' -l 'private-key-file' -d 'File holding a hex private key (64 hex digits, optional 0x), or - for standard input.' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign hash" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil_complete_directories)'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign hash" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign hash" password-file' -l 'password-file' -d 'File whose first line is the keystore password (else SIGIL_PASSWORD, else a prompt on a terminal).' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign hash" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign hash" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign hash" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign hash" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign authorization" chain-id' -l 'chain-id' -d 'Chain id the authorization is valid on (0 = every chain, needs --any-chain).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign authorization" nonce' -l 'nonce' -d 'The authorizing account\'s nonce at the time the authorization is used.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign authorization" any-chain' -l 'any-chain' -d 'Allow chain id 0 (valid on every chain).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign authorization" from' -l 'from' -d 'Keystore account to sign with: its address or local name.' -rfka '(__sigil_custom_completion ---completion sign authorization -- --from (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign authorization" private-key-file' -l 'private-key-file' -d 'File holding a hex private key (64 hex digits, optional 0x), or - for standard input.' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign authorization" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil_complete_directories)'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign authorization" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign authorization" password-file' -l 'password-file' -d 'File whose first line is the keystore password (else SIGIL_PASSWORD, else a prompt on a terminal).' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign authorization" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign authorization" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign authorization" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil sign authorization" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil verify" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil verify" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil verify" -eq 1' -fa 'message' -d 'Verify an EIP-191 (personal_sign) signature of a message.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil verify" -eq 1' -fa 'typed-data' -d 'Verify an EIP-712 signature of a typed-data document.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil verify" -eq 1' -fa 'tx' -d 'Verify that a signed transaction is validly signed by --from (canonical low-s signature).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil verify message" hex' -l 'hex' -d 'The message argument is hex bytes (0x…), not text.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil verify message" file' -l 'file' -d 'Read the message bytes from a file (- for standard input).' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil verify message" address' -l 'address' -d 'The address that should have signed.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil verify message" signature' -l 'signature' -d 'The 65-byte signature (0x r‖s‖v).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil verify message" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil verify message" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil verify message" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil verify message" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil verify typed-data" -eq 1' -F
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil verify typed-data" address' -l 'address' -d 'The address that should have signed.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil verify typed-data" signature' -l 'signature' -d 'The 65-byte signature (0x r‖s‖v).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil verify typed-data" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil verify typed-data" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil verify typed-data" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil verify typed-data" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil verify tx" from' -l 'from' -d 'The address that should have signed.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil verify tx" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil verify tx" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil verify tx" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil verify tx" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil recover" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil recover" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil recover" -eq 1' -fa 'message' -d 'Recover the signer of an EIP-191 (personal_sign) signature.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil recover" -eq 1' -fa 'typed-data' -d 'Recover the signer of an EIP-712 signature.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil recover" -eq 1' -fa 'tx' -d 'Recover the sender of a signed transaction.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil recover message" hex' -l 'hex' -d 'The message argument is hex bytes (0x…), not text.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil recover message" file' -l 'file' -d 'Read the message bytes from a file (- for standard input).' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil recover message" signature' -l 'signature' -d 'The 65-byte signature (0x r‖s‖v).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil recover message" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil recover message" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil recover message" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil recover message" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil recover typed-data" -eq 1' -F
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil recover typed-data" signature' -l 'signature' -d 'The 65-byte signature (0x r‖s‖v).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil recover typed-data" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil recover typed-data" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil recover typed-data" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil recover typed-data" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil recover tx" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil recover tx" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil recover tx" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil recover tx" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil tx" -eq 1' -fa 'build' -d 'Build an unsigned transaction request (sigil.unsigned-tx/1) from the chain\'s current state.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil tx" -eq 1' -fa 'decode' -d 'Decode a signed transaction of any type, offline: every field, the sender, the call.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil tx" -eq 1' -fa 'hash' -d 'Print the hash of a signed transaction (keccak256 of its canonical bytes).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil tx" -eq 1' -fa 'list' -d 'List the transactions Sigil signed and journaled (every chain and account, or filtered).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil tx" -eq 1' -fa 'status' -d 'Show a transaction\'s journal record and what the peers say about it now.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil tx" -eq 1' -fa 'bump' -d 'Re-sign a stuck transaction at the same nonce with higher fees (both +10% at least).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil tx" -eq 1' -fa 'cancel' -d 'Replace a stuck transaction with a zero-value transfer to yourself at the same nonce.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil tx" -eq 1' -fa 'rebroadcast' -d 'Send a journaled transaction\'s exact signed bytes again (never re-signs).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx build" from' -l 'from' -d 'The sending address or keystore account.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx build" to' -l 'to' -d 'Recipient address (or the contract to call).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx build" value' -l 'value' -d 'Ether to send: 1.5ether, 30gwei, 12wei (default 0).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx build" data' -l 'data' -d 'Raw call data, 0x-hex.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx build" call' -l 'call' -d 'Call a function: its signature; arguments follow as positional values.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx build" token' -l 'token' -d 'ERC-20 token contract: send --amount tokens to --to.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx build" amount' -l 'amount' -d 'With --token: amount in token units, e.g. 12.5 (reads decimals()).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx build" gas-limit' -l 'gas-limit' -d 'Gas limit (default: the node\'s estimate + 20%).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx build" max-fee' -l 'max-fee' -d 'Max fee per gas, e.g. 40gwei (legacy: the gas price).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx build" priority-fee' -l 'priority-fee' -d 'Max priority fee per gas (tip), e.g. 1.5gwei.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx build" legacy' -l 'legacy' -d 'Build a legacy (type 0, EIP-155) transaction instead of EIP-1559.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx build" chain-id' -l 'chain-id' -d 'Refuse unless the peers are on this chain id.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx build" o output' -s 'o' -l 'output' -d 'Write the request to this new file.' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx build" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil_complete_directories)'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx build" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx build" network' -l 'network' -d 'A network from the config file (default: $SIGIL_NETWORK, else the config\'s default); sending checks that its peers serve its chainId.' -rfka '(__sigil_custom_completion ---completion tx build -- --network (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx build" config' -l 'config' -d 'Config file (default: $SIGIL_CONFIG, else $XDG_CONFIG_HOME/sigil/config.toml).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx build"' -l 'rpc' -d 'A JSON-RPC peer, http:// or https:// (repeatable; default: $SIGIL_RPC, comma-separated).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx build" timeout' -l 'timeout' -d 'Seconds to wait for each peer\'s answer.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx build" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx build" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx build" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx decode" batch' -l 'batch' -d 'A file with one raw transaction per line (- for standard input).' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx decode" threads' -l 'threads' -d 'With --batch: decoding threads (default: all cores).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx decode" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx decode" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx decode" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx decode" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx hash" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx hash" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx hash" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx hash" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx list" address' -l 'address' -d 'Only this sender.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx list" chain-id' -l 'chain-id' -d 'Only this chain id.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx list" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx list" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx list" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx status"' -l 'rpc' -d 'Peers to ask (default: the peers it was sent to).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx status" timeout' -l 'timeout' -d 'Seconds to wait for each peer.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx status" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx status" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx status" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx status" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx bump" max-fee' -l 'max-fee' -d 'New max fee per gas (legacy: gas price); at least +10%.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx bump" priority-fee' -l 'priority-fee' -d 'New priority fee per gas; at least +10%.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx bump" chain-id' -l 'chain-id' -d 'With a nonce: the chain (default: the config network\'s, else the peers\').' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx bump" yes' -l 'yes' -d 'Do not ask for confirmation (required off a terminal).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx bump" from' -l 'from' -d 'Keystore account to sign with: its address or local name.' -rfka '(__sigil_custom_completion ---completion tx bump -- --from (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx bump" private-key-file' -l 'private-key-file' -d 'File holding a hex private key (64 hex digits, optional 0x), or - for standard input.' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx bump" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil_complete_directories)'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx bump" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx bump" password-file' -l 'password-file' -d 'File whose first line is the keystore password (else SIGIL_PASSWORD, else a prompt on a terminal).' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx bump" network' -l 'network' -d 'A network from the config file (default: $SIGIL_NETWORK, else the config\'s default); sending checks that its peers serve its chainId.' -rfka '(__sigil_custom_completion ---completion tx bump -- --network (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx bump" config' -l 'config' -d 'Config file (default: $SIGIL_CONFIG, else $XDG_CONFIG_HOME/sigil/config.toml).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx bump"' -l 'rpc' -d 'A JSON-RPC peer, http:// or https:// (repeatable; default: $SIGIL_RPC, comma-separated).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx bump" timeout' -l 'timeout' -d 'Seconds to wait for each peer\'s answer.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx bump"' -l 'peer' -d 'A devp2p peer, enode://<node id>@host:port (repeatable; default: the config network\'s peers).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx bump" p2p-mode' -l 'p2p-mode' -d 'push (Transactions), announce (hashes, the peer fetches) or auto (push to ⌈√n⌉ peers, announce to the rest).' -rfka 'push announce auto'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx bump" p2p-only' -l 'p2p-only' -d 'With --peer: use the JSON-RPC peers only for reads; send the transaction over devp2p only.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx bump" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx bump" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx bump" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx bump" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx cancel" max-fee' -l 'max-fee' -d 'New max fee per gas (legacy: gas price); at least +10%.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx cancel" priority-fee' -l 'priority-fee' -d 'New priority fee per gas; at least +10%.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx cancel" chain-id' -l 'chain-id' -d 'With a nonce: the chain (default: the config network\'s, else the peers\').' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx cancel" yes' -l 'yes' -d 'Do not ask for confirmation (required off a terminal).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx cancel" from' -l 'from' -d 'Keystore account to sign with: its address or local name.' -rfka '(__sigil_custom_completion ---completion tx cancel -- --from (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx cancel" private-key-file' -l 'private-key-file' -d 'File holding a hex private key (64 hex digits, optional 0x), or - for standard input.' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx cancel" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil_complete_directories)'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx cancel" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx cancel" password-file' -l 'password-file' -d 'File whose first line is the keystore password (else SIGIL_PASSWORD, else a prompt on a terminal).' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx cancel" network' -l 'network' -d 'A network from the config file (default: $SIGIL_NETWORK, else the config\'s default); sending checks that its peers serve its chainId.' -rfka '(__sigil_custom_completion ---completion tx cancel -- --network (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx cancel" config' -l 'config' -d 'Config file (default: $SIGIL_CONFIG, else $XDG_CONFIG_HOME/sigil/config.toml).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx cancel"' -l 'rpc' -d 'A JSON-RPC peer, http:// or https:// (repeatable; default: $SIGIL_RPC, comma-separated).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx cancel" timeout' -l 'timeout' -d 'Seconds to wait for each peer\'s answer.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx cancel"' -l 'peer' -d 'A devp2p peer, enode://<node id>@host:port (repeatable; default: the config network\'s peers).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx cancel" p2p-mode' -l 'p2p-mode' -d 'push (Transactions), announce (hashes, the peer fetches) or auto (push to ⌈√n⌉ peers, announce to the rest).' -rfka 'push announce auto'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx cancel" p2p-only' -l 'p2p-only' -d 'With --peer: use the JSON-RPC peers only for reads; send the transaction over devp2p only.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx cancel" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx cancel" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx cancel" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx cancel" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx rebroadcast" quorum' -l 'quorum' -d 'Peers that must accept it.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx rebroadcast" network' -l 'network' -d 'A network from the config file (default: $SIGIL_NETWORK, else the config\'s default); sending checks that its peers serve its chainId.' -rfka '(__sigil_custom_completion ---completion tx rebroadcast -- --network (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx rebroadcast" config' -l 'config' -d 'Config file (default: $SIGIL_CONFIG, else $XDG_CONFIG_HOME/sigil/config.toml).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx rebroadcast"' -l 'rpc' -d 'A JSON-RPC peer, http:// or https:// (repeatable; default: $SIGIL_RPC, comma-separated).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx rebroadcast" timeout' -l 'timeout' -d 'Seconds to wait for each peer\'s answer.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx rebroadcast"' -l 'peer' -d 'A devp2p peer, enode://<node id>@host:port (repeatable; default: the config network\'s peers).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx rebroadcast" p2p-mode' -l 'p2p-mode' -d 'push (Transactions), announce (hashes, the peer fetches) or auto (push to ⌈√n⌉ peers, announce to the rest).' -rfka 'push announce auto'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx rebroadcast" p2p-only' -l 'p2p-only' -d 'With --peer: use the JSON-RPC peers only for reads; send the transaction over devp2p only.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx rebroadcast" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx rebroadcast" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx rebroadcast" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil tx rebroadcast" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil abi" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil abi" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil abi" -eq 1' -fa 'encode' -d 'ABI-encode arguments for a function signature (with --calldata: selector first).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil abi" -eq 1' -fa 'decode' -d 'Decode ABI data: call data (with or without selector), or return data with f(…)(…).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil abi" -eq 1' -fa 'selector' -d 'The 4-byte selector of a signature, or the known signature of a selector.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil abi encode" calldata' -l 'calldata' -d 'Prefix the 4-byte selector (calldata for a call).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil abi encode" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil abi encode" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil abi encode" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil abi encode" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil abi decode" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil abi decode" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil abi decode" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil abi decode" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil abi selector" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil abi selector" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil abi selector" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil abi selector" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil hash" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil hash" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil hash" -eq 1' -fa 'keccak' -d 'Keccak-256 of hex bytes or text (Ethereum\'s hash, not SHA3-256).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil hash keccak" text' -l 'text' -d 'Treat the input as text even if it starts with 0x.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil hash keccak" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil hash keccak" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil hash keccak" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil hash keccak" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil units" to' -l 'to' -d 'Print only the amount in this unit.' -rfka 'wei kwei mwei gwei szabo finney ether'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil units" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil units" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil units" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil units" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil config" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil config" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil config" -eq 1' -fa 'show' -d 'Print each effective setting and its source (flag, environment, config, default).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil config show" network' -l 'network' -d 'A network from the config file (default: $SIGIL_NETWORK, else the config\'s default); sending checks that its peers serve its chainId.' -rfka '(__sigil_custom_completion ---completion config show -- --network (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil config show" config' -l 'config' -d 'Config file (default: $SIGIL_CONFIG, else $XDG_CONFIG_HOME/sigil/config.toml).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil config show"' -l 'rpc' -d 'A JSON-RPC peer, http:// or https:// (repeatable; default: $SIGIL_RPC, comma-separated).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil config show" timeout' -l 'timeout' -d 'Seconds to wait for each peer\'s answer.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil config show" from' -l 'from' -d 'Keystore account: its address or local name.' -rfka '(__sigil_custom_completion ---completion config show -- --from (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil config show" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil_complete_directories)'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil config show" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil config show" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil config show" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil config show" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil config show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" to' -l 'to' -d 'Recipient address (or the contract to call).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" value' -l 'value' -d 'Ether to send: 1.5ether, 30gwei, 12wei (default 0).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" data' -l 'data' -d 'Raw call data, 0x-hex.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" call' -l 'call' -d 'Call a function: its signature; arguments follow as positional values.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" token' -l 'token' -d 'ERC-20 token contract: send --amount tokens to --to.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" amount' -l 'amount' -d 'With --token: amount in token units, e.g. 12.5 (reads decimals()).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" gas-limit' -l 'gas-limit' -d 'Gas limit (default: the node\'s estimate + 20%).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" max-fee' -l 'max-fee' -d 'Max fee per gas, e.g. 40gwei (legacy: the gas price).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" priority-fee' -l 'priority-fee' -d 'Max priority fee per gas (tip), e.g. 1.5gwei.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" legacy' -l 'legacy' -d 'Build a legacy (type 0, EIP-155) transaction instead of EIP-1559.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" chain-id' -l 'chain-id' -d 'Refuse unless the peers are on this chain id.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" batch' -l 'batch' -d 'Pay every row of a payouts CSV (id,to,value[,token]), each exactly once.' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" batch-name' -l 'batch-name' -d 'With --batch: the batch name (to resume a batch whose file was edited).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" dry-run' -l 'dry-run' -d 'Show what would be sent (the preview and the unsigned request; with --batch, each row); sign and send nothing.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" quorum' -l 'quorum' -d 'Peers that must accept the transaction.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" wait' -l 'wait' -d 'Wait for the receipt.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" confirmations' -l 'confirmations' -d 'With --wait: confirmations to wait for.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" wait-timeout' -l 'wait-timeout' -d 'With --wait: seconds before giving up (nothing is resent).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" yes' -l 'yes' -d 'Do not ask for confirmation (required off a terminal).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" from' -l 'from' -d 'Keystore account to sign with: its address or local name.' -rfka '(__sigil_custom_completion ---completion send -- --from (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" private-key-file' -l 'private-key-file' -d 'File holding a hex private key (64 hex digits, optional 0x), or - for standard input.' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil_complete_directories)'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" strict-permissions' -l 'strict-permissions' -d 'Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" password-file' -l 'password-file' -d 'File whose first line is the keystore password (else SIGIL_PASSWORD, else a prompt on a terminal).' -rF
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" network' -l 'network' -d 'A network from the config file (default: $SIGIL_NETWORK, else the config\'s default); sending checks that its peers serve its chainId.' -rfka '(__sigil_custom_completion ---completion send -- --network (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" config' -l 'config' -d 'Config file (default: $SIGIL_CONFIG, else $XDG_CONFIG_HOME/sigil/config.toml).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send"' -l 'rpc' -d 'A JSON-RPC peer, http:// or https:// (repeatable; default: $SIGIL_RPC, comma-separated).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" timeout' -l 'timeout' -d 'Seconds to wait for each peer\'s answer.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send"' -l 'peer' -d 'A devp2p peer, enode://<node id>@host:port (repeatable; default: the config network\'s peers).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" p2p-mode' -l 'p2p-mode' -d 'push (Transactions), announce (hashes, the peer fetches) or auto (push to ⌈√n⌉ peers, announce to the rest).' -rfka 'push announce auto'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" p2p-only' -l 'p2p-only' -d 'With --peer: use the JSON-RPC peers only for reads; send the transaction over devp2p only.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil send" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil broadcast" quorum' -l 'quorum' -d 'Peers that must accept the transaction.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil broadcast" network' -l 'network' -d 'A network from the config file (default: $SIGIL_NETWORK, else the config\'s default); sending checks that its peers serve its chainId.' -rfka '(__sigil_custom_completion ---completion broadcast -- --network (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil broadcast" config' -l 'config' -d 'Config file (default: $SIGIL_CONFIG, else $XDG_CONFIG_HOME/sigil/config.toml).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil broadcast"' -l 'rpc' -d 'A JSON-RPC peer, http:// or https:// (repeatable; default: $SIGIL_RPC, comma-separated).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil broadcast" timeout' -l 'timeout' -d 'Seconds to wait for each peer\'s answer.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil broadcast"' -l 'peer' -d 'A devp2p peer, enode://<node id>@host:port (repeatable; default: the config network\'s peers).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil broadcast" p2p-mode' -l 'p2p-mode' -d 'push (Transactions), announce (hashes, the peer fetches) or auto (push to ⌈√n⌉ peers, announce to the rest).' -rfka 'push announce auto'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil broadcast" p2p-only' -l 'p2p-only' -d 'With --peer: use the JSON-RPC peers only for reads; send the transaction over devp2p only.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil broadcast" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil broadcast" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil broadcast" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil broadcast" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil p2p" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil p2p" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_positional "sigil p2p" -eq 1' -fa 'ping' -d 'Handshake with a node; show its client id, capabilities, eth Status and round-trip time.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil p2p ping" timeout' -l 'timeout' -d 'Seconds for the whole exchange.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil p2p ping" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil p2p ping" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil p2p ping" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil p2p ping" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil balance" token' -l 'token' -d 'An ERC-20 token contract: show the token balance (reads decimals()).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil balance" block' -l 'block' -d 'Block: latest, pending, safe, finalized, or a number.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil balance" network' -l 'network' -d 'A network from the config file (default: $SIGIL_NETWORK, else the config\'s default); sending checks that its peers serve its chainId.' -rfka '(__sigil_custom_completion ---completion balance -- --network (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil balance" config' -l 'config' -d 'Config file (default: $SIGIL_CONFIG, else $XDG_CONFIG_HOME/sigil/config.toml).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil balance"' -l 'rpc' -d 'A JSON-RPC peer, http:// or https:// (repeatable; default: $SIGIL_RPC, comma-separated).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil balance" timeout' -l 'timeout' -d 'Seconds to wait for each peer\'s answer.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil balance" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil balance" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil balance" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil balance" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil nonce" block' -l 'block' -d 'Block: latest, pending, safe, finalized, or a number.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil nonce" network' -l 'network' -d 'A network from the config file (default: $SIGIL_NETWORK, else the config\'s default); sending checks that its peers serve its chainId.' -rfka '(__sigil_custom_completion ---completion nonce -- --network (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil nonce" config' -l 'config' -d 'Config file (default: $SIGIL_CONFIG, else $XDG_CONFIG_HOME/sigil/config.toml).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil nonce"' -l 'rpc' -d 'A JSON-RPC peer, http:// or https:// (repeatable; default: $SIGIL_RPC, comma-separated).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil nonce" timeout' -l 'timeout' -d 'Seconds to wait for each peer\'s answer.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil nonce" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil nonce" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil nonce" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil nonce" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil chain-id" network' -l 'network' -d 'A network from the config file (default: $SIGIL_NETWORK, else the config\'s default); sending checks that its peers serve its chainId.' -rfka '(__sigil_custom_completion ---completion chain-id -- --network (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil chain-id" config' -l 'config' -d 'Config file (default: $SIGIL_CONFIG, else $XDG_CONFIG_HOME/sigil/config.toml).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil chain-id"' -l 'rpc' -d 'A JSON-RPC peer, http:// or https:// (repeatable; default: $SIGIL_RPC, comma-separated).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil chain-id" timeout' -l 'timeout' -d 'Seconds to wait for each peer\'s answer.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil chain-id" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil chain-id" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil chain-id" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil chain-id" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil fees" network' -l 'network' -d 'A network from the config file (default: $SIGIL_NETWORK, else the config\'s default); sending checks that its peers serve its chainId.' -rfka '(__sigil_custom_completion ---completion fees -- --network (count (__sigil_tokens -pc)) (__sigil_tokens -tC))'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil fees" config' -l 'config' -d 'Config file (default: $SIGIL_CONFIG, else $XDG_CONFIG_HOME/sigil/config.toml).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil fees"' -l 'rpc' -d 'A JSON-RPC peer, http:// or https:// (repeatable; default: $SIGIL_RPC, comma-separated).' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil fees" timeout' -l 'timeout' -d 'Seconds to wait for each peer\'s answer.' -rfka ''
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil fees" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil fees" color' -l 'color' -d 'When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.' -rfka 'auto always never'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil fees" version' -l 'version' -d 'Show the version.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil fees" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil' -n '__sigil_should_offer_completions_for_flags_or_options "sigil help" version' -l 'version' -d 'Show the version.'
