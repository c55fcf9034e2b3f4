# Critical-difference diagram of the average ranks (Demšar 2006).
# Written by `parzen plot` from results/parity-cmaes-margin-check. Standalone: reads only files beside it and writes
# ranks.png beside it; run `gnuplot plots/NAME/ranks.gp` from anywhere or `gnuplot ranks.gp` in its folder.
script_dir = strlen(ARG0) > strlen('ranks.gp') ? ARG0[1:strlen(ARG0) - strlen('ranks.gp')] : ''
if (strlen(script_dir) > 0) { cd script_dir }
set terminal pngcairo size 900,426 enhanced font "DejaVu Sans,11"
set output 'ranks.png'
set encoding utf8

set title "Average ranks over 1 problem at 200 evaluations (1 = best)\nFriedman p = 0.317 (no significant difference); Nemenyi CD (alpha = 0.05) = 1.96; bars join suggesters within CD" noenhanced
unset border
unset xtics
unset ytics
unset key
set lmargin 30
set rmargin 30
set xrange [1:2.96]
set yrange [-0.98:1.45]
# the rank axis
set arrow from 1,0 to 2,0 nohead lw 1.5 lc rgb '#000000'
set arrow from 1,0 to 1,0.16 nohead lw 1.5 lc rgb '#000000'
set label '1' at 1,0.34 center
set arrow from 1.5,0 to 1.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 2,0 to 2,0.16 nohead lw 1.5 lc rgb '#000000'
set label '2' at 2,0.34 center
# the critical difference
set arrow from 1,0.95 to 2.96,0.95 heads size screen 0.006,90 lw 2 lc rgb '#000000'
set label 'CD = 1.96' at 1.98,1.17 center
# groups not significantly different
set arrow from 0.96,-0.22 to 2.04,-0.22 nohead lw 5 lc rgb '#000000'
# suggesters: a hook from the rank down to the name
set arrow from 1.0,0 to 1.0,-0.6799999999999999 nohead lw 1.5 lc rgb '#ff7f0e'
set arrow from 1.0,-0.6799999999999999 to 1.0,-0.6799999999999999 nohead lw 1.5 lc rgb '#ff7f0e'
set label 'optuna-cmaes-margin (1.00)' at 1.0,-0.6799999999999999 right offset -0.6,0 noenhanced textcolor rgb '#ff7f0e'
set arrow from 2.0,0 to 2.0,-0.6799999999999999 nohead lw 1.5 lc rgb '#1f77b4'
set arrow from 2.0,-0.6799999999999999 to 2.96,-0.6799999999999999 nohead lw 1.5 lc rgb '#1f77b4'
set label 'cmaes-margin (2.00)' at 2.96,-0.6799999999999999 left offset 0.6,0 noenhanced textcolor rgb '#1f77b4'
plot 'ranks.dat' using 1:(0):2 with points pt 7 ps 1.8 lc rgb variable notitle
