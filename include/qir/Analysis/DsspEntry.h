//===- DsspEntry.h - What mkdssp reads of an entry besides atoms -*- C++
//-*-===//
//
// The legacy DSSP output starts with four lines about the entry and counts
// and letters the disulfide bridges; mkdssp 4.2.2 takes them from mmCIF
// categories the IR does not model (its PDB reader, libcifpp 5, first
// converts the PDB records into those categories). DsspEntry holds them,
// read from the input text:
//
//   HEADER  struct_keywords.pdbx_keywords (first row, 40 columns),
//           pdbx_database_status.recvd_initial_deposition_date (else
//           database_PDB_rev.date_original) as DD-MON-YY, and the first
//           four characters of the data block name. Without a
//           struct_keywords row the 40 columns keep mkdssp's template
//           filler 'x'.
//   COMPND  per polymer entity, "MOL_ID: n; MOLECULE: description; CHAIN:
//           entity_poly.pdbx_strand_id with ', '" and, when given,
//           FRAGMENT, SYNONYM (entity_name_com), MUTATION, EC,
//           "ENGINEERED: YES" (src_method man or syn) and OTHER_DETAILS.
//   SOURCE  per polymer entity, "MOL_ID: n" and the non-empty items of its
//           entity_src_gen and entity_src_nat rows, in mkdssp's order and
//           under the PDB SOURCE token names.
//   AUTHOR  audit_author.name, "Last, I." written "I.Last", '; '-joined.
//
// Each line is cut to 127 characters ("... " ending the cut) or padded with
// blanks to 127. Null values ('?', '.') count as empty.
//
// From PDB input the same facts come from the HEADER, COMPND, SOURCE and
// AUTHOR records, converted as libcifpp does for the common cases (see
// docs/qir-dssp.md for where it differs: files without COMPND records).
//
// Disulfides: the _struct_conn rows with conn_type_id disulf, in file
// order, named by label_asym_id and label_seq_id; from PDB input one per
// SSBOND record and pair of alternate locations of the two SG atoms (as
// libcifpp converts them), records with an invalid symmetry operator or
// naming a residue the file does not hold dropped.
//
//===----------------------------------------------------------------------===//
#ifndef QIR_ANALYSIS_DSSPENTRY_H
#define QIR_ANALYSIS_DSSPENTRY_H

#include "qir/IO/CifBlock.h"
#include "qir/IR/Structure.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace qir {

/// One disulfide as mkdssp looks it up: label_asym_id and label_seq_id of
/// both partners.
struct DsspDisulfide {
  std::string Asym1, Asym2;
  int32_t Seq1 = NoSeqId, Seq2 = NoSeqId;
};

struct DsspEntry {
  /// The four header lines, 127 characters each, without the final '.'.
  std::string Header, Compnd, Source, Author;
  std::vector<DsspDisulfide> Disulfides;
};

/// The entry facts of an mmCIF data block.
DsspEntry dsspEntryFromMmcif(const io::CifBlock &B);

/// The entry facts of a PDB file's text \p Text, read into \p S.
DsspEntry dsspEntryFromPdb(llvm::StringRef Text, const Structure &S);

/// mkdssp's fixed-length field: longer text is cut to \p Length - 4
/// characters and "... ", shorter text padded with blanks.
std::string dsspFixLength(llvm::StringRef S, size_t Length);

} // namespace qir

#endif // QIR_ANALYSIS_DSSPENTRY_H
