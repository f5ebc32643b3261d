#!/usr/bin/python3
"""Read time and peak memory: qir vs gemmi 0.5.7, same files, same run.

    read_bench.py --build BUILD [--repeat N] [FILE...]

For each file it measures
  in-process : qir::io::readStructureFile through qir-bench-read (Google
               Benchmark, with and without bond perception) and
               gemmi.read_structure() timed inside Python (best of N);
  whole process: `qir-dump FILE` and `gemmi contents FILE` (both read the
               file and print a short summary), wall time best of N and
               peak RSS from /usr/bin/time.
Default files: the three largest corpus coordinate files, the largest PDB
file of the corpus, and a >50,000-atom structure made by make_large.py.
Prints a Markdown table for docs/benchmarks.md.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.environ.get('QIR_CORPUS', os.path.join(SRC, '..', 'shared', 'corpus'))


def gemmi_inprocess(path, repeat):
    code = ('import gemmi,time,sys\n'
            'p=sys.argv[1]; best=1e9\n'
            'for i in range(int(sys.argv[2])):\n'
            '    t=time.perf_counter(); st=gemmi.read_structure(p, merge_chain_parts=False)\n'
            '    best=min(best,time.perf_counter()-t)\n'
            'print(best*1e3)\n')
    out = subprocess.run(['/usr/bin/python3', '-c', code, path, str(repeat)],
                         check=True, capture_output=True, text=True).stdout
    return float(out)


def whole_process(cmd, repeat):
    best = 1e9
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t)
    r = subprocess.run(['/usr/bin/time', '-f', '%M'] + cmd, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak_kb = int(r.stderr.strip().splitlines()[-1])
    return best * 1e3, peak_kb / 1024.0


def qir_inprocess(build, files):
    out = subprocess.run([os.path.join(build, 'bin', 'qir-bench-read'),
                          '--benchmark_format=json',
                          '--benchmark_min_time=0.3'] + files,
                         check=True, capture_output=True, text=True).stdout
    res = {}
    for b in json.loads(out)['benchmarks']:
        kind, name = b['name'].split('/', 1)
        res[(kind, name)] = b['real_time']  # ms
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--build', default=os.path.join(SRC, 'build'))
    ap.add_argument('--repeat', type=int, default=10)
    ap.add_argument('files', nargs='*')
    args = ap.parse_args()
    files = args.files
    tmp = tempfile.mkdtemp()
    if not files:
        files = [os.path.join(CORPUS, f) for f in (
            'biotite/2axd.cif', 'biotite/5eil.cif', 'biotite/1l2y.cif',
            'multiconformer/proteinase_k_qfit_multiconformer_model2_pruned.pdb')]
        subprocess.run(['/usr/bin/python3', os.path.join(HERE, 'make_large.py'),
                        os.path.join(CORPUS, 'biotite/5eil.cif'), '8', tmp],
                       check=True)
        files += [os.path.join(tmp, 'large.cif'), os.path.join(tmp, 'large.pdb')]
    qir = qir_inprocess(args.build, files)
    dump = os.path.join(args.build, 'bin', 'qir-dump')
    print('| file | atom sites | qir in-process (ms) | qir no bonds (ms) | '
          'gemmi read_structure (ms) | speed-up | qir-dump (ms, MiB) | '
          'gemmi contents (ms, MiB) | speed-up |')
    print('|---|---|---|---|---|---|---|---|---|')
    for f in files:
        name = os.path.basename(f)
        sites = subprocess.run([dump, '--no-bonds', f], check=True,
                               capture_output=True, text=True).stdout
        sites = dict(l.split('\t', 1) for l in sites.splitlines())['atom_sites']
        q = qir[('read', name)]
        qn = qir[('read-nobonds', name)]
        g = gemmi_inprocess(f, args.repeat)
        qd, qm = whole_process([dump, f], args.repeat)
        gd, gm = whole_process(['gemmi', 'contents', f], args.repeat)
        print(f'| {name} | {sites} | {q:.2f} | {qn:.2f} | {g:.2f} | '
              f'{g / q:.2f}x | {qd:.1f}, {qm:.1f} | {gd:.1f}, {gm:.1f} | '
              f'{gd / qd:.2f}x |')
    sys.stdout.flush()


if __name__ == '__main__':
    main()
