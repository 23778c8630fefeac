# bash completion for saywho
_saywho() {
  local cur prev cmd
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  cmd=${COMP_WORDS[1]}
  case $prev in
    -f|--format)
      case $cmd in
        query|versions|speakers) COMPREPLY=($(compgen -W "text jsonl" -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W "jsonl brat text html" -- "$cur")) ;;
      esac
      return ;;
    -i|--input) COMPREPLY=($(compgen -W "text jsonl auto" -- "$cur")); return ;;
    --kind) COMPREPLY=($(compgen -W "direct indirect mixed" -- "$cur")); return ;;
    -O|--out-dir) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    -o|--output|--model|--db) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    -j|--jobs|--id|--speaker|--about|--since|--until|--limit) return ;;
  esac
  if [ "$COMP_CWORD" = 1 ] && [[ $cur != -* ]]; then
    COMPREPLY=($(compgen -W "index query versions speakers report" -- "$cur") $(compgen -f -- "$cur"))
    return
  fi
  case $cmd in
    index) COMPREPLY=($(compgen -W "--db --input --rules-only --nested --help" -- "$cur")) ;;
    query|versions) COMPREPLY=($(compgen -W "--db --speaker --about --since --until --kind --limit --format --help" -- "$cur")) ;;
    speakers) COMPREPLY=($(compgen -W "--db --limit --format --help" -- "$cur")) ;;
    *) COMPREPLY=($(compgen -W "--format --input --output --out-dir --jobs --id --rules-only --nested --model --strict-utf8 --text --stats --quiet --help --version" -- "$cur")) ;;
  esac
  [[ $cur != -* ]] && COMPREPLY+=($(compgen -f -- "$cur"))
}
complete -o filenames -F _saywho saywho
