"""``kenactl completion bash|zsh|fish``: shell completion that follows the click command tree.

The printed scripts hold static tables of every command, option and fixed value, generated from the
click tree (``spec``, filled into the engine files by ``shells``), so the shell completes them without
starting Python. Only values that depend on the user's data (line names, operators, ``--option`` keys)
run ``_KENACTL_VALUES=KIND kenactl WORDS...``, which ``kenactl.entry`` answers without importing click
(``values``). click's own protocol (``_KENACTL_COMPLETE=bash_complete`` ...) gives the same values
through ``spec.attach_values``. This module stays light: ``kenactl --help`` imports it.
"""

import click

SHELLS = ("bash", "zsh", "fish")


class ShellChoice(click.Choice):
    """The shell names; a missing one is reported on one line (click lists the choices one per line)."""

    def get_missing_message(self, param: click.Parameter, ctx: click.Context | None) -> str:
        from kenactl.i18n import _

        return _("Choose one of {choices}.").format(choices=", ".join(self.choices))


@click.command()
@click.argument("shell", metavar="SHELL", type=ShellChoice(SHELLS))
@click.pass_context
def completion(ctx: click.Context, shell: str) -> None:
    """Print the completion script for SHELL (bash, zsh or fish).

    \b
    bash: kenactl completion bash > ~/.local/share/bash-completion/completions/kenactl
    zsh:  kenactl completion zsh > ~/.zfunc/_kenactl   (with fpath=(~/.zfunc $fpath) before compinit)
    fish: kenactl completion fish > ~/.config/fish/completions/kenactl.fish
    """
    click.echo(script(shell, ctx.find_root().command), nl=False)


def script(shell: str, root: click.Command) -> str:
    """The completion script for ``shell`` generated from ``root``'s command tree."""
    from kenactl.completion import shells
    from kenactl.completion.spec import command_specs

    return shells.render(shell, command_specs(root))


COMMANDS = (completion,)
