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
            __sigil-signer_parse_subcommand 0 'from=' 'private-key-file=' 'keystore=' 'password-file=' 'json' 'version' 'h/help'
        case 'list'
            __sigil-signer_parse_subcommand 0 'keystore=' 'json' 'version' 'h/help'
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
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_positional "sigil-signer" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer address" from' -l 'from' -d 'Keystore account to sign with: its address or local name.' -rfka '(__sigil-signer_custom_completion ---completion address -- --from (count (__sigil-signer_tokens -pc)) (__sigil-signer_tokens -tC))'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer address" private-key-file' -l 'private-key-file' -d 'File holding a hex private key (64 hex digits, optional 0x), or - for standard input.' -rF
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer address" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil-signer_complete_directories)'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer address" password-file' -l 'password-file' -d 'File whose first line is the keystore password (else SIGIL_PASSWORD, else a prompt on a terminal).' -rF
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer address" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer address" version' -l 'version' -d 'Show the version.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer address" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer list" keystore' -l 'keystore' -d 'Keystore folder (default: $SIGIL_KEYSTORE, else the data directory\'s keystore/; geth\'s and foundry\'s folders work as they are).' -rfa '(__sigil-signer_complete_directories)'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer list" json' -l 'json' -d 'Print the result as one JSON document (stable schema; errors as JSON on stderr).'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer list" version' -l 'version' -d 'Show the version.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'sigil-signer' -n '__sigil-signer_should_offer_completions_for_flags_or_options "sigil-signer help" version' -l 'version' -d 'Show the version.'
