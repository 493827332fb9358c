//! `--data -` and `--data <(…)`: one YAML file read from standard input or a named
//! pipe, within the same size limit as a file. Regular files and folders are left to
//! the loader, which reads them itself.

use std::io::Read;
use std::path::Path;

use rolediff::diagnostics::{Diagnostic, Diagnostics};

/// The name and text of the stream `path` names (`-` for standard input, or a named
/// pipe), or `None` when `path` is something the loader reads (a file, a folder, or
/// nothing at all, which it reports).
pub fn read(path: &Path, max_bytes: u64) -> Result<Option<(String, String)>, Diagnostics> {
    let (name, reader): (String, Box<dyn Read>) = if path.as_os_str() == "-" {
        ("<stdin>".into(), Box::new(std::io::stdin()))
    } else if is_pipe(path) {
        let file = std::fs::File::open(path)
            .map_err(|error| problem(path, format!("cannot read it: {error}")))?;
        (path.display().to_string(), Box::new(file))
    } else {
        return Ok(None);
    };
    // One byte past the limit tells a stream that is too long from one that fits.
    let mut bytes = Vec::new();
    reader
        .take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| problem(Path::new(&name), format!("cannot read it: {error}")))?;
    if bytes.len() as u64 > max_bytes {
        return Err(problem(
            Path::new(&name),
            format!(
                "the data is larger than {} MiB: expected a smaller YAML file",
                max_bytes / (1024 * 1024)
            ),
        ));
    }
    let text = String::from_utf8(bytes).map_err(|error| {
        problem(
            Path::new(&name),
            format!(
                "the data is not UTF-8 text (invalid byte at offset {}): expected a YAML file",
                error.utf8_error().valid_up_to()
            ),
        )
    })?;
    Ok(Some((name, text)))
}

/// True for a named pipe (`<(…)` in a shell is one).
fn is_pipe(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        std::fs::metadata(path).is_ok_and(|m| m.file_type().is_fifo())
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

fn problem(path: &Path, message: String) -> Diagnostics {
    Diagnostics(vec![Diagnostic::file(path, message)])
}
