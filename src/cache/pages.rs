//! What the last build left in the output: each page's fingerprint, the
//! fingerprint of the outputs beyond pages and the files they are, and the
//! generation of the output this describes.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

const FILE: &str = "pages";

/// The pages of the last build as the live output holds them.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct PageState {
    /// The output folder, absolute: a build into another folder starts over.
    pub output: String,
    /// The hash of the output's manifest after that build: if another build
    /// (without the cache) or anything else changed the output since, none
    /// of this describes it any more.
    pub manifest: u64,
    /// Each page's output path and fingerprint.
    pub pages: HashMap<String, u64>,
    /// The fingerprint of everything the outputs beyond pages (feeds,
    /// sitemap, data, search, print) read, and the files they made.
    pub extras: u64,
    pub extra_files: Vec<String>,
    /// Each print page's output path and fingerprint
    /// (`deps::print_fingerprint`): kept one by one, like pages.
    pub print: HashMap<String, u64>,
    /// Where the data files' items are in the live output and each feed's
    /// fingerprint: what the next build copies or keeps of them.
    pub layout: crate::publish::Layout,
}

impl PageState {
    /// The state the cache folder holds for a site of this `setup`, if it is
    /// intact.
    pub fn read(dir: &Path, setup: u64) -> Option<PageState> {
        super::read_value(&dir.join(FILE), setup)
    }

    pub fn write(&self, dir: &Path, setup: u64) -> std::io::Result<()> {
        super::write_value(&dir.join(FILE), setup, self)
    }
}
