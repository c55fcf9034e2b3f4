# Critical-difference diagram of the average ranks (Demšar 2006).
# Written by `parzen plot` from results/parity-hyperopt. Standalone: reads only files beside it and writes
# ranks.png beside it; run `gnuplot plots/NAME/ranks.gp` from anywhere or `gnuplot ranks.gp` in its folder.
script_dir = strlen(ARG0) > strlen('ranks.gp') ? ARG0[1:strlen(ARG0) - strlen('ranks.gp')] : ''
if (strlen(script_dir) > 0) { cd script_dir }
set terminal pngcairo size 900,577 enhanced font "DejaVu Sans,11"
set output 'ranks.png'
set encoding utf8

set title "Average ranks over 14 problems at 200 evaluations (1 = best)\nFriedman p = 5.72e-10 (differences exist); Nemenyi CD (alpha = 0.05) = 2.02; bars join suggesters within CD" noenhanced
unset border
unset xtics
unset ytics
unset key
set lmargin 26
set rmargin 26
set xrange [1:6.0]
set yrange [-2.1399999999999997:1.45]
# the rank axis
set arrow from 1,0 to 6,0 nohead lw 1.5 lc rgb '#000000'
set arrow from 1,0 to 1,0.16 nohead lw 1.5 lc rgb '#000000'
set label '1' at 1,0.34 center
set arrow from 1.5,0 to 1.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 2,0 to 2,0.16 nohead lw 1.5 lc rgb '#000000'
set label '2' at 2,0.34 center
set arrow from 2.5,0 to 2.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 3,0 to 3,0.16 nohead lw 1.5 lc rgb '#000000'
set label '3' at 3,0.34 center
set arrow from 3.5,0 to 3.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 4,0 to 4,0.16 nohead lw 1.5 lc rgb '#000000'
set label '4' at 4,0.34 center
set arrow from 4.5,0 to 4.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 5,0 to 5,0.16 nohead lw 1.5 lc rgb '#000000'
set label '5' at 5,0.34 center
set arrow from 5.5,0 to 5.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 6,0 to 6,0.16 nohead lw 1.5 lc rgb '#000000'
set label '6' at 6,0.34 center
# the critical difference
set arrow from 1,0.95 to 3.0152543263816605,0.95 heads size screen 0.006,90 lw 2 lc rgb '#000000'
set label 'CD = 2.02' at 2.00762716319083,1.17 center
# groups not significantly different
set arrow from 1.5314285714285714,-0.22 to 3.54,-0.22 nohead lw 5 lc rgb '#000000'
set arrow from 3.317142857142857,-0.38 to 5.111428571428571,-0.38 nohead lw 5 lc rgb '#000000'
set arrow from 5.031428571428571,-0.54 to 5.611428571428571,-0.54 nohead lw 5 lc rgb '#000000'
# suggesters: a hook from the rank down to the name
set arrow from 1.5714285714285714,0 to 1.5714285714285714,-1.0 nohead lw 1.5 lc rgb '#8c564b'
set arrow from 1.5714285714285714,-1.0 to 1.0,-1.0 nohead lw 1.5 lc rgb '#8c564b'
set label 'hyperopt-anneal (1.57)' at 1.0,-1.0 right offset -0.6,0 noenhanced textcolor rgb '#8c564b'
set arrow from 1.9285714285714286,0 to 1.9285714285714286,-1.42 nohead lw 1.5 lc rgb '#2ca02c'
set arrow from 1.9285714285714286,-1.42 to 1.0,-1.42 nohead lw 1.5 lc rgb '#2ca02c'
set label 'anneal (1.93)' at 1.0,-1.42 right offset -0.6,0 noenhanced textcolor rgb '#2ca02c'
set arrow from 3.357142857142857,0 to 3.357142857142857,-1.8399999999999999 nohead lw 1.5 lc rgb '#1f77b4'
set arrow from 3.357142857142857,-1.8399999999999999 to 1.0,-1.8399999999999999 nohead lw 1.5 lc rgb '#1f77b4'
set label 'tpe (3.36)' at 1.0,-1.8399999999999999 right offset -0.6,0 noenhanced textcolor rgb '#1f77b4'
set arrow from 3.5,0 to 3.5,-1.8399999999999999 nohead lw 1.5 lc rgb '#d62728'
set arrow from 3.5,-1.8399999999999999 to 6.0,-1.8399999999999999 nohead lw 1.5 lc rgb '#d62728'
set label 'hyperopt-tpe (3.50)' at 6.0,-1.8399999999999999 left offset 0.6,0 noenhanced textcolor rgb '#d62728'
set arrow from 5.071428571428571,0 to 5.071428571428571,-1.42 nohead lw 1.5 lc rgb '#9467bd'
set arrow from 5.071428571428571,-1.42 to 6.0,-1.42 nohead lw 1.5 lc rgb '#9467bd'
set label 'hyperopt-rand (5.07)' at 6.0,-1.42 left offset 0.6,0 noenhanced textcolor rgb '#9467bd'
set arrow from 5.571428571428571,0 to 5.571428571428571,-1.0 nohead lw 1.5 lc rgb '#ff7f0e'
set arrow from 5.571428571428571,-1.0 to 6.0,-1.0 nohead lw 1.5 lc rgb '#ff7f0e'
set label 'random (5.57)' at 6.0,-1.0 left offset 0.6,0 noenhanced textcolor rgb '#ff7f0e'
plot 'ranks.dat' using 1:(0):2 with points pt 7 ps 1.8 lc rgb variable notitle
