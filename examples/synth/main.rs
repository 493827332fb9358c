//! Writes a synthetic data set in rolediff's format, for benchmarks at catalogue scale.
//!
//! `cargo run --release --example synth -- --roles N --out DIR [--seed S] [--role-tasks T]`
//!
//! See [`catalogue`] for what is generated; `--role-tasks T` gives every role exactly T
//! catalogue tasks (e.g. 1,000) instead of 20–60.

use rolediff_synth as catalogue;

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let mut shape = catalogue::Shape {
        roles: 300,
        role_tasks: None,
        seed: 1,
    };
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> u64 {
            args.next()
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{name} expects a number"))
        };
        match arg.as_str() {
            "--roles" => shape.roles = number("--roles") as usize,
            "--seed" => shape.seed = number("--seed"),
            "--role-tasks" => shape.role_tasks = Some(number("--role-tasks") as usize),
            "--out" => out = args.next().map(PathBuf::from),
            other => panic!(
                "unknown argument {other}; usage: --roles N --out DIR [--seed S] [--role-tasks T]"
            ),
        }
    }
    let out = out.expect("--out DIR is required");
    let written = catalogue::write(&out, shape)?;
    println!(
        "wrote {} roles and {} catalogue tasks ({} bytes) to {}",
        shape.roles,
        written.tasks,
        written.bytes,
        out.display()
    );
    Ok(())
}
